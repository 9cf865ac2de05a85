package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.events.CloudEventAttributes;
import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.MemoryUsage;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.SqlProfile;
import dev.stonks.inttest.events.output.SqlStatement;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.reporter.testing.HistoryDatabase;
import dev.stonks.inttest.reporter.testing.HistoryStackResource;
import dev.stonks.inttest.reporter.testing.OnHistoryStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reporter on a real broker and its real PostgreSQL: a run's events become history rows, the API answers from
 * them (list with filters and pages, the run, latest, trends, promotions), a run in flight is a partial document,
 * and its event stream delivers the stages so far, then live ones, then the verdict.
 */
@QuarkusTest
@QuarkusTestResource(value = HistoryStackResource.class, restrictToAnnotatedClass = true)
class HistoryIT extends OnHistoryStack {
    private static final String ENDPOINT = "GET /api/companies";

    @Test
    void aFinishedRunsEventsBecomeHistoryRowsThatTheApiServes() throws Exception {
        // Given: a run on main whose tests had one failure, profiled; the tester stored its JUnit XML
        String run = "stonks-inttest-h-failed";
        events.requested(run, "def456", "main");
        for (Stage stage : Stage.values()) {
            events.started(run, stage);
            if (stage == Stage.INTEGRATION_TESTS) {
                try (ArtifactStore store = ArtifactStore.create(HistoryStackResource.store.endpoint().toString(),
                        "it-access", "it-secret-key", ArtifactStore.DEFAULT_BUCKET, null)) {
                    store.put(run, "junit.xml", "<testsuite tests=\"5\"/>".getBytes(), "application/xml");
                }
            }
            events.completed(run, stage, output(stage));
        }

        // When its verdict is out
        JsonNode results = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/runs/" + run),
                r -> r.has("exit_code"));

        // Then: the results, and one row per stage, failure, endpoint, budget, service and statement
        assertThat(results.get("exit_code").asInt()).isEqualTo(1);
        HistoryDatabase db = HistoryStackResource.database;
        String where = " where run_id = '" + run + "'";
        assertThat(db.count("select count(*) from stage_attempts" + where)).isEqualTo(6);
        assertThat(db.count("select count(*) from stage_attempts" + where + " and status = 'ok'")).isEqualTo(6);
        assertThat(db.count("select count(*) from test_failures" + where)).isEqualTo(1);
        assertThat(db.count("select count(*) from endpoint_stats" + where + " and slow")).isEqualTo(1);
        assertThat(db.count("select count(*) from budgets" + where)).isEqualTo(5);
        assertThat(db.count("select count(*) from service_memory" + where)).isEqualTo(1);
        assertThat(db.count("select count(*) from sql_statements" + where)).isEqualTo(1);
        assertThat(db.count("select count(*) from runs" + where + " and results->>'exit_code' = '1'")).isEqualTo(1);

        // its artifacts: listed in the results with their links, served from the store
        assertThat(results.get("artifacts").findValuesAsText("name"))
                .containsExactly("junit.xml", "results.html", "results.json");
        assertThat(results.get("artifacts").get(0).get("size").asInt()).isEqualTo(22);
        assertThat(results.get("artifacts").get(2).get("url").asText())
                .isEqualTo("/api/runs/" + run + "/artifacts/results.json");
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(base.resolve("/api/runs/" + run
                + "/artifacts/results.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(html.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains(run);
        assertThat(get("/api/runs/" + run + "/artifacts/results.json")).isEqualTo(results);
        assertThat(get("/api/runs/" + run + "/artifacts").findValuesAsText("name")).contains("junit.xml");
        assertThat(status("/api/runs/" + run + "/artifacts/nothing.txt")).isEqualTo(404);
        assertThat(status("/api/runs/" + run + "/artifacts/Results.JSON")).isEqualTo(400);

        // the list, filtered and paged
        JsonNode failedOnMain = get("/api/runs?status=failed&branch=main");
        JsonNode summary = failedOnMain.get("items").get(0);
        assertThat(summary.get("run_id").asText()).isEqualTo(run);
        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(summary.get("image_tag").asText()).isEqualTo("def456");
        assertThat(summary.get("branch").asText()).isEqualTo("main");
        assertThat(summary.get("commit").asText()).isEqualTo("def456");
        assertThat(summary.get("exit_code").asInt()).isEqualTo(1);
        assertThat(summary.get("stage").asText()).isEqualTo("teardown");
        assertThat(summary.get("tests").get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("tests").get("total").asInt()).isEqualTo(5);
        assertThat(summary.get("slow_endpoints").asInt()).isEqualTo(1);
        assertThat(summary.get("cancelled").asBoolean()).isFalse();
        assertThat(summary.get("duration_s").isNumber()).isTrue();
        assertThat(get("/api/runs?status=passed&image_tag=def456").get("total").asInt()).isZero();
        JsonNode page = get("/api/runs?image_tag=def456&size=1&page=0");
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(get("/api/runs?image_tag=def456&size=1&page=1").get("items")).isEmpty();
        assertThat(get("/api/runs/latest?image_tag=def456").get("run_id").asText()).isEqualTo(run);

        // trends: stage durations and each endpoint's P95
        JsonNode trend = get("/api/trends?image_tag=def456").get("runs").get(0);
        assertThat(trend.get("run_id").asText()).isEqualTo(run);
        assertThat(trend.get("stages").get("teardown").asDouble()).isEqualTo(0.25);
        assertThat(trend.get("p95_ms").get(ENDPOINT).asDouble()).isEqualTo(250.0);

        // promotions: kept once however often delivered; deployed = not the local backend
        PromotionDecided decided = new PromotionDecided(run, "def456", "beta", PromotionDecided.SKIPPED,
                "tests failed", null, null, Instant.parse("2026-12-02T05:00:00Z"), "local");
        events.publish(decided);
        events.publish(decided);
        JsonNode promotions = await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/promotions?run_id=" + run).get("items"), items -> items.size() > 0);
        Thread.sleep(1000);
        assertThat(get("/api/promotions?run_id=" + run).get("items")).hasSize(1);
        assertThat(promotions.get(0).get("decision").asText()).isEqualTo("skipped");
        assertThat(promotions.get(0).get("deployed").asBoolean()).isFalse();
        assertThat(promotions.get(0).get("decided_at").asText()).isEqualTo("2026-12-02T05:00:00Z");

        // unknown and bad input
        assertThat(status("/api/runs/stonks-inttest-nope")).isEqualTo(404);
        assertThat(status("/api/runs?status=done")).isEqualTo(400);
        assertThat(status("/api/runs?size=0")).isEqualTo(400);
        assertThat(status("/api/runs/stonks-inttest-nope/events")).isEqualTo(404);
    }

    @Test
    void everyBreakGlassStepIsKeptOnceHoweverOftenDeliveredAndARunsPromotionsNameTheOneItUsed() throws Exception {
        // Given: a break-glass under the two-person rule: opened, approved, then used by a run's live promotion
        String run = "stonks-inttest-hist-glass";
        String glass = "bg-20261202-040000-hist";
        Instant openedAt = Instant.parse("2026-12-02T04:00:00Z");
        Instant expiresAt = openedAt.plus(Duration.ofHours(2));
        EventEnvelope opened = EventCodec.encode(new BreakGlassRecorded(glass, BreakGlassRecorded.OPENED, "alice",
                "hotfix INC-9", "alice", openedAt, expiresAt, 2, List.of(), null, null, openedAt), "promoter");
        BreakGlassRecorded approved = new BreakGlassRecorded(glass, BreakGlassRecorded.APPROVED, "bob", "hotfix INC-9",
                "alice", openedAt, expiresAt, 2, List.of("bob"), null, null, openedAt.plusSeconds(60));
        BreakGlassRecorded used = new BreakGlassRecorded(glass, BreakGlassRecorded.USED, "promoter", "hotfix INC-9",
                "alice", openedAt, expiresAt, 2, List.of("bob"), run, "live", openedAt.plusSeconds(120));

        // When: the opening delivered twice (same event id), the approval published twice (a re-published step,
        // a new event id each time), the use once
        events.publish(opened);
        events.publish(opened);
        events.publish(approved);
        events.publish(approved);
        events.publish(used);

        // Then: three steps, newest first
        await().atMost(Duration.ofSeconds(20)).until(() -> stepsOf(glass).size() == 3);
        Thread.sleep(1000);
        List<JsonNode> steps = stepsOf(glass);
        assertThat(steps).extracting(s -> s.get("action").asText()).containsExactly("used", "approved", "opened");
        assertThat(HistoryStackResource.database.count("select count(*) from break_glass_steps where "
                + "break_glass_id = '" + glass + "'")).isEqualTo(3);
        assertThat(steps.get(2).get("event_id").asText()).isEqualTo(opened.headers().get(CloudEventAttributes.H_ID));
        assertThat(steps.get(2).get("by").asText()).isEqualTo("alice");
        assertThat(steps.get(2).get("expires_at").asText()).isEqualTo("2026-12-02T06:00:00Z");
        assertThat(steps.get(2).get("approvals_required").asInt()).isEqualTo(2);
        assertThat(steps.get(1).get("approved_by")).containsExactly(Json.MAPPER.getNodeFactory().textNode("bob"));
        assertThat(steps.get(0).get("run_id").asText()).isEqualTo(run);
        assertThat(steps.get(0).get("stage").asText()).isEqualTo("live");

        // Then: the run's promotions name the break-glass step it used
        JsonNode usedByRun = get("/api/promotions?run_id=" + run).get("break_glass_used");
        assertThat(usedByRun).hasSize(1);
        assertThat(usedByRun.get(0).get("break_glass_id").asText()).isEqualTo(glass);
        assertThat(usedByRun.get(0).get("by").asText()).isEqualTo("promoter");
        assertThat(get("/api/promotions").has("break_glass_used")).isFalse();

        // bad input
        assertThat(status("/api/break-glass?limit=0")).isEqualTo(400);
        assertThat(status("/api/break-glass?limit=x")).isEqualTo(400);
    }

    private List<JsonNode> stepsOf(String glass) throws Exception {
        List<JsonNode> steps = new ArrayList<>();
        get("/api/break-glass?limit=500").path("items").forEach(s -> {
            if (s.get("break_glass_id").asText().equals(glass)) {
                steps.add(s);
            }
        });
        return steps;
    }

    @Test
    void aRunInFlightIsPartialAndItsEventStreamDeliversStagesAsTheyHappen() throws Exception {
        // Given a runs list following every run's events, and a run at work in seed_data
        String run = "stonks-inttest-h-live";
        BlockingQueue<String> all = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/events")).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(all::add));
        Thread.sleep(500);
        events.requested(run, "fed789", "release");
        assertThat(awaitEvent(all, "run.requested", "").get("run_id").asText()).isEqualTo(run);
        events.started(run, Stage.INFRA_DEPLOY);
        events.completed(run, Stage.INFRA_DEPLOY, null);
        events.started(run, Stage.SEED_DATA);
        JsonNode partial = await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/runs/" + run),
                r -> "running".equals(r.at("/stages/seed_data/status").asText()));
        assertThat(partial.get("status").asText()).isEqualTo("running");
        assertThat(partial.get("branch").asText()).isEqualTo("release");
        assertThat(partial.at("/stages/infra_deploy/status").asText()).isEqualTo("ok");
        assertThat(partial.at("/stages/teardown/status").asText()).isEqualTo("pending");
        assertThat(get("/api/runs?status=running").get("items").findValuesAsText("run_id")).contains(run);

        // When somebody follows its events
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(HttpRequest.newBuilder(base.resolve(
                "/api/runs/" + run + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
                    r.body().forEach(lines::add);
                    return null;
                });

        // Then: the history first (up to seed_data's start), then a live stage event, then the verdict, and the end
        awaitEvent(lines, "stage.started", "seed_data");
        events.completed(run, Stage.SEED_DATA, null);
        JsonNode live = awaitEvent(lines, "stage.completed", "seed_data");
        assertThat(live.get("status").asText()).isEqualTo("ok");
        assertThat(live.get("run_id").asText()).isEqualTo(run);
        for (Stage stage : List.of(Stage.SERVICE_DEPLOY, Stage.INTEGRATION_TESTS, Stage.PROFILING, Stage.TEARDOWN)) {
            events.started(run, stage);
            events.completed(run, stage, output(stage));
        }
        JsonNode verdict = awaitEvent(lines, "run.verdict", "");
        assertThat(verdict.get("exit_code").asInt()).isEqualTo(1);
        stream.get(10, TimeUnit.SECONDS);
    }

    /** Reads SSE lines until an event of that type whose data names the stage; returns its data. */
    private static JsonNode awaitEvent(BlockingQueue<String> lines, String type, String stage) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String event = null;
        List<String> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:") && type.equals(event)) {
                JsonNode data = Json.MAPPER.readTree(line.substring("data:".length()).trim());
                if (stage.isEmpty() || stage.equals(data.path("stage").asText())) {
                    return data;
                }
            }
        }
        throw new AssertionError("no " + type + " " + stage + " event within 30 s; read: " + seen);
    }

    private static Object output(Stage stage) {
        return switch (stage) {
            case INTEGRATION_TESTS -> new TestsOutput(5, 4, 1, 0, 0,
                    List.of(new TestFailure("ApiSuite.companies", TestFailure.FAILURE, "expected 3 but was 2")),
                    Map.of(ENDPOINT, List.of(4.0)));
            case PROFILING -> new ProfilingOutput(Map.of(ENDPOINT, new EndpointProfile(10, 250, 300, 320, 40,
                    EndpointProfile.PROFILE)), List.of(ENDPOINT), 200.0, null,
                    Map.of("query-api", new MemoryUsage(180.5, 200.0, "proc")),
                    new SqlProfile(List.of(new SqlStatement("select * from companies", 10, 1.5, 3, 15, 10, false)),
                            100), null);
            default -> null;
        };
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : Json.MAPPER.createObjectNode();
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
