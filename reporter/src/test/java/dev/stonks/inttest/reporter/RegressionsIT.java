package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.SeedOutput;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regressions against the reporter's real history (PostgreSQL), runs told on a real broker: each verdict compares
 * the run with the median of the newest five earlier passing runs of its target and seed fingerprint.
 */
@QuarkusTest
@QuarkusTestResource(value = HistoryStackResource.class, restrictToAnnotatedClass = true)
class RegressionsIT extends OnHistoryStack {
    private static final String GET = "/api/companies/{id}";
    private static final String POST = "POST /api/trading/backtest";
    private static final String SEED_A = "sha256:" + "a".repeat(64);
    private static final String SEED_B = "sha256:" + "b".repeat(64);

    @Test
    void aRunSlowerThanItsBaselineIsFlaggedAndARunWithinNoiseIsNot() throws Exception {
        // Given: five passing runs, the GET at ~10 ms p95 and service_deploy at ~10 s, and a failed run far slower
        String repo = "github.com/acme/regress";
        double[] p95 = {9.5, 10.0, 10.5, 9.8, 10.2};
        double[] deploy = {10.0, 9.8, 10.4, 10.1, 9.9};
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "stonks-inttest-rg-base-" + (i + 1);
            run(id, "rg-a", repo, SEED_A, p95[i], deploy[i], true);
            earlier.add(0, id);
        }
        run("stonks-inttest-rg-failed", "rg-a", repo, SEED_A, 100.0, 30.0, false);

        // When: a run within noise (11 ms, 10.2 s), then one whose GET takes 25 ms and service_deploy 14 s
        JsonNode noise = run("stonks-inttest-rg-noise", "rg-a", repo, SEED_A, 11.0, 10.2, true);
        JsonNode slow = run("stonks-inttest-rg-slow", "rg-a", repo, SEED_A, 25.0, 14.0, true);

        // Then: the noise is compared with the five passing runs (not the failed one) and nothing regressed
        JsonNode noiseBaseline = noise.get("profiling").get("baseline");
        assertThat(texts(noiseBaseline.get("runs"))).containsExactlyElementsOf(earlier);
        assertThat(noiseBaseline.get("target").asText()).isEqualTo("github.com/acme/regress@local");
        assertThat(noiseBaseline.get("seed_fingerprint").asText()).isEqualTo(SEED_A);
        assertThat(noiseBaseline.get("min_ratio").asDouble()).isEqualTo(0.2);
        assertThat(noiseBaseline.get("min_delta_ms").asDouble()).isEqualTo(5.0);
        assertThat(noiseBaseline.has("reason")).isFalse();
        assertThat(noise.get("profiling").get("regressions")).isEmpty();
        assertThat(noise.get("seed_fingerprint").asText()).isEqualTo(SEED_A);

        // the slow run: against the newest five passing runs before it (the noise run included, itself not)
        JsonNode slowBaseline = slow.get("profiling").get("baseline");
        assertThat(texts(slowBaseline.get("runs"))).containsExactly("stonks-inttest-rg-noise",
                "stonks-inttest-rg-base-5", "stonks-inttest-rg-base-4", "stonks-inttest-rg-base-3",
                "stonks-inttest-rg-base-2");
        JsonNode regressions = slow.get("profiling").get("regressions");
        assertThat(regressions).hasSize(2);
        JsonNode endpoint = regressions.get(0);
        assertThat(endpoint.get("kind").asText()).isEqualTo("endpoint");
        assertThat(endpoint.get("subject").asText()).isEqualTo(GET);
        assertThat(endpoint.get("metric").asText()).isEqualTo("p95_ms");
        assertThat(endpoint.get("unit").asText()).isEqualTo("ms");
        assertThat(endpoint.get("actual").asDouble()).isEqualTo(25.0);
        assertThat(endpoint.get("baseline").asDouble()).isEqualTo(10.2); // median of 11, 10.2, 9.8, 10.5, 10.0
        assertThat(endpoint.get("ratio").asDouble()).isEqualTo(2.451);
        assertThat(endpoint.get("delta_ms").asDouble()).isEqualTo(14.8);
        JsonNode stage = regressions.get(1);
        assertThat(stage.get("kind").asText()).isEqualTo("stage");
        assertThat(stage.get("subject").asText()).isEqualTo("service_deploy");
        assertThat(stage.get("unit").asText()).isEqualTo("s");
        assertThat(stage.get("baseline").asDouble()).isEqualTo(10.1);
        assertThat(stage.get("delta_ms").asDouble()).isEqualTo(3900.0);
        // the cold POST (492 ms first call) is neither a regression nor over the budget: it is listed beside it
        JsonNode p95Budget = BudgetsTest.budget(slow, "api_p95_ms");
        assertThat(p95Budget.get("within").asBoolean()).isTrue();
        assertThat(p95Budget.get("cold").findValuesAsText("subject")).containsExactly(POST);
        assertThat(SchemaFile.violations(slow.toString())).isEmpty();

        // the API: the run's document carries them, the list counts them
        assertThat(get("/api/runs/stonks-inttest-rg-slow").get("profiling").get("regressions")).isEqualTo(regressions);
        JsonNode items = get("/api/runs?image_tag=rg-a&size=50").get("items");
        assertThat(regressionsOf(items, "stonks-inttest-rg-slow")).isEqualTo(2);
        assertThat(regressionsOf(items, "stonks-inttest-rg-noise")).isZero();

        // the history: the run's target and fingerprint, warm/cold endpoints with the first call, the regressions
        HistoryDatabase db = HistoryStackResource.database;
        assertThat(db.count("select count(*) from runs where run_id = 'stonks-inttest-rg-slow' and target = "
                + "'github.com/acme/regress@local' and seed_fingerprint = '" + SEED_A + "'")).isEqualTo(1);
        assertThat(db.count("select count(*) from regressions where run_id = 'stonks-inttest-rg-slow'")).isEqualTo(2);
        assertThat(db.count("select count(*) from regressions where run_id = 'stonks-inttest-rg-slow' and kind = "
                + "'endpoint' and subject = '" + GET + "' and baseline = 10.2 and ratio = 2.451")).isEqualTo(1);
        assertThat(db.count("select count(*) from endpoint_stats where run_id = 'stonks-inttest-rg-slow' and warm "
                + "and endpoint = '" + GET + "'")).isEqualTo(1);
        assertThat(db.count("select count(*) from endpoint_stats where run_id = 'stonks-inttest-rg-slow' and not warm "
                + "and endpoint = '" + POST + "' and first_call_ms = 492")).isEqualTo(1);
    }

    @Test
    void aRunWithAnotherSeedFingerprintHasNoComparableRuns() throws Exception {
        // Given: three passing runs on one seed
        String repo = "github.com/acme/reseeded";
        for (int i = 1; i <= 3; i++) {
            run("stonks-inttest-rg-seed-" + i, "rg-b", repo, SEED_A, 10.0, 10.0, true);
        }

        // When: a run of the same target on other data (a migration changed), far slower
        JsonNode other = run("stonks-inttest-rg-seed-new", "rg-b", repo, SEED_B, 40.0, 20.0, true);

        // Then
        JsonNode baseline = other.get("profiling").get("baseline");
        assertThat(baseline.get("reason").asText()).startsWith("no comparable runs");
        assertThat(baseline.get("seed_fingerprint").asText()).isEqualTo(SEED_B);
        assertThat(baseline.get("runs")).isEmpty();
        assertThat(other.get("profiling").get("regressions")).isEmpty();
        assertThat(other.get("exit_code").asInt()).as("never a failed verdict").isZero();
    }

    @Test
    void aTargetWithOnlyTwoEarlierRunsIsNotCompared() throws Exception {
        // Given
        String repo = "github.com/acme/young";
        run("stonks-inttest-rg-young-1", "rg-c", repo, SEED_A, 10.0, 10.0, true);
        run("stonks-inttest-rg-young-2", "rg-c", repo, SEED_A, 10.0, 10.0, true);

        // When
        JsonNode third = run("stonks-inttest-rg-young-3", "rg-c", repo, SEED_A, 40.0, 20.0, true);

        // Then
        JsonNode baseline = third.get("profiling").get("baseline");
        assertThat(baseline.get("reason").asText()).startsWith("too few comparable runs: 2 earlier passing runs");
        assertThat(texts(baseline.get("runs"))).containsExactly("stonks-inttest-rg-young-2",
                "stonks-inttest-rg-young-1");
        assertThat(third.get("profiling").get("regressions")).isEmpty();
    }

    /** Tells a whole run and waits for its verdict's results. */
    private JsonNode run(String id, String tag, String repo, String seedFingerprint, double getP95Ms,
            double serviceDeployS, boolean testsPass) throws Exception {
        events.requested(id, tag, "main", repo);
        for (Stage stage : Stage.values()) {
            events.started(id, stage);
            switch (stage) {
                case SEED_DATA -> events.completed(id, stage, new SeedOutput(2, 1, Map.of("companies", 8L), 48, 0.4,
                        1.5, seedFingerprint, "c".repeat(64), "1"));
                case SERVICE_DEPLOY -> events.completed(id, stage, null, serviceDeployS);
                case INTEGRATION_TESTS -> events.completed(id, stage, testsPass
                        ? new TestsOutput(5, 5, 0, 0, 0, List.of(), Map.of())
                        : new TestsOutput(5, 4, 1, 0, 0, List.of(new TestFailure("ApiSuite.companies",
                                TestFailure.FAILURE, "expected 3 but was 2")), Map.of()));
                case PROFILING -> events.completed(id, stage, new ProfilingOutput(Map.of(
                        GET, new EndpointProfile(getP95Ms * 0.6, getP95Ms, getP95Ms * 1.3, getP95Ms * 1.5, 120,
                                EndpointProfile.PROFILE).withWarm(true).withFirstCallMs(80.0),
                        POST, new EndpointProfile(492, 492, 492, 492, 20, EndpointProfile.TESTS).withWarm(false)
                                .withFirstCallMs(492.0)), List.of(), 500.0));
                default -> events.completed(id, stage, null);
            }
        }
        return await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/runs/" + id), r -> r.has("exit_code"));
    }

    private static long regressionsOf(JsonNode items, String run) {
        for (JsonNode item : items) {
            if (item.get("run_id").asText().equals(run)) {
                return item.get("regressions").asLong();
            }
        }
        throw new AssertionError(run + " not in " + items);
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : Json.MAPPER.createObjectNode();
    }
}
