package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ReceivedEvent;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunReplayRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
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
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Replay on a real broker with the real reporter (the test plays the stage services): run.replay-requested makes the
 * reporter re-emit the stage's trigger with the next attempt and {@code replayof}, the stages that follow run as that
 * attempt, and the reporter publishes a second verdict, of attempt 2, whose results keep the earlier stages.
 */
@QuarkusTest
@QuarkusTestResource(value = HistoryStackResource.class, restrictToAnnotatedClass = true)
class ReplayIT extends OnHistoryStack {

    @Test
    void aReplayFromIntegrationTestsReRunsTheRestAsAttempt2AndGetsItsOwnVerdict() throws Exception {
        // Given: a finished run whose sandbox was kept (skip_teardown)
        String run = "stonks-inttest-replay-kept";
        RunContext ctx = new RunContext("build-1", run, true, 1, "local", Map.of(), Map.of("risk", "http://x:1"));
        runThrough(run, ctx, StageStatus.SKIPPED);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/runs/" + run).has("exit_code"));

        // When a replay from integration_tests is asked for
        events.publish(new RunReplayRequested(run, Stage.INTEGRATION_TESTS, Instant.now(), "cli:ann"));

        // Then: service_deploy's completion is re-emitted as attempt 2, naming the event it replays
        List<ReceivedEvent> log = awaitEvents(run, l -> l.stream().anyMatch(r -> r.attributes().replayOf() != null));
        ReceivedEvent original = log.stream().filter(r -> r.event() instanceof StageCompleted c
                && c.stage() == Stage.SERVICE_DEPLOY && r.attributes().replayOf() == null).findFirst().orElseThrow();
        ReceivedEvent reEmitted = log.stream().filter(r -> r.attributes().replayOf() != null).findFirst()
                .orElseThrow();
        StageCompleted trigger = (StageCompleted) reEmitted.event();
        assertThat(trigger.stage()).isEqualTo(Stage.SERVICE_DEPLOY);
        assertThat(trigger.attempt()).isEqualTo(2);
        assertThat(reEmitted.attributes().replayOf()).isEqualTo(original.attributes().id());
        assertThat(reEmitted.attributes().source()).isEqualTo("/inttest/reporter");
        assertThat(trigger.context().services()).containsEntry("risk", "http://x:1");

        // the stage services run integration_tests, profiling and teardown as attempt 2
        for (Stage s : List.of(Stage.INTEGRATION_TESTS, Stage.PROFILING, Stage.TEARDOWN)) {
            stage(run, s, 2, s == Stage.TEARDOWN ? StageStatus.SKIPPED : StageStatus.OK, trigger.context());
        }

        // a second verdict, of attempt 2: the latest attempt of each stage and every attempt of the replayed ones
        JsonNode results = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/runs/" + run),
                r -> r.path("attempt").asInt() == 2 && r.has("exit_code"));
        assertThat(results.path("exit_code").asInt()).isEqualTo(0);
        assertThat(results.path("stages").path("integration_tests").path("attempt").asInt()).isEqualTo(2);
        assertThat(results.path("stages").path("integration_tests").path("attempts")).hasSize(2);
        assertThat(results.path("stages").path("seed_data").path("attempt").asInt()).isEqualTo(1);
        assertThat(results.path("stages").path("seed_data").path("attempts")).hasSize(1);
        List<ReceivedEvent> verdicts = awaitEvents(run, l -> l.stream()
                .filter(r -> r.event() instanceof RunVerdict).count() == 2);
        assertThat(verdicts.stream().filter(r -> r.event() instanceof RunVerdict)
                .map(r -> ((RunVerdict) r.event()).results().path("attempt").asInt())).containsExactly(1, 2);
        assertThat(SchemaFile.violations(results.toString())).isEmpty();
    }

    @Test
    void aTornDownRunIsReplayedOnlyFromInfraDeployWhichReEmitsTheRequest() throws Exception {
        // Given: a finished run whose sandbox was torn down
        String run = "stonks-inttest-replay-gone";
        RunContext ctx = new RunContext("build-1", run, false, 1, "local", Map.of(), Map.of());
        runThrough(run, ctx, StageStatus.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/runs/" + run).has("exit_code"));

        // When a replay from seed_data, then one from infra_deploy, is asked for
        events.publish(new RunReplayRequested(run, Stage.SEED_DATA, Instant.now(), "cli:ann"));
        events.publish(new RunReplayRequested(run, Stage.INFRA_DEPLOY, Instant.now(), "cli:ann", "build-2"));

        // Then: only the request is re-emitted, as attempt 2 at the new build; seed_data was refused
        List<ReceivedEvent> log = awaitEvents(run, l -> l.stream().anyMatch(r -> r.attributes().replayOf() != null));
        Thread.sleep(1000); // anything the first request might have re-emitted is on the log by now
        log = awaitEvents(run, l -> true);
        List<ReceivedEvent> reEmitted = log.stream().filter(r -> r.attributes().replayOf() != null).toList();
        assertThat(reEmitted).hasSize(1);
        RunRequested request = (RunRequested) reEmitted.get(0).event();
        assertThat(request.attempt()).isEqualTo(2);
        assertThat(request.imageTag()).isEqualTo("build-2");
        String originalId = log.stream().filter(r -> r.event() instanceof RunRequested
                && r.attributes().replayOf() == null).findFirst().orElseThrow().attributes().id();
        assertThat(reEmitted.get(0).attributes().replayOf()).isEqualTo(originalId);
        // the run is at work again: its document is its attempt 2 in flight, so another replay is refused meanwhile
        JsonNode reopened = await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/runs/" + run),
                r -> "running".equals(r.path("status").asText()));
        assertThat(reopened.path("attempt").asInt()).isEqualTo(2);
        assertThat(reopened.path("stage").asText()).isEqualTo("infra_deploy");
    }

    @Test
    void aCancelledRunShowsWhoAndWhyInTheHistoryBeforeAndAfterItsVerdict() throws Exception {
        // Given: a run at work on seed_data
        String run = "stonks-inttest-cancelled";
        RunContext ctx = new RunContext("build-1", run, false, 1, "local", Map.of(), Map.of());
        events.publish(new RunRequested(run, "build-1", run, false, 1, "local", Instant.now(), "it", null));
        stage(run, Stage.INFRA_DEPLOY, 1, StageStatus.OK, ctx);
        events.publish(new StageStarted(run, Stage.SEED_DATA, 1, Instant.now(), ctx));

        // When it is cancelled
        events.publish(new RunCancelRequested(run, "wrong tag", Instant.now(), "ann"));

        // Then: the list shows who and why while it is still in flight
        JsonNode inFlight = await().atMost(Duration.ofSeconds(20)).until(() -> summary(run),
                s -> "ann".equals(s.path("cancelled_by").asText()));
        assertThat(inFlight.path("status").asText()).isEqualTo("running");
        assertThat(inFlight.path("cancel_reason").asText()).isEqualTo("wrong tag");

        // and once seed_data stopped and teardown ran: status cancelled, who and why, in the list and the results
        Instant now = Instant.now();
        events.publish(new StageCompleted(run, Stage.SEED_DATA, 1, StageStatus.FAILED, now, now, 0.0,
                new dev.stonks.inttest.events.StageError("cancelled", "run was cancelled by ann"), null, ctx));
        stage(run, Stage.TEARDOWN, 1, StageStatus.OK, ctx);
        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(() -> summary(run),
                s -> "cancelled".equals(s.path("status").asText()));
        assertThat(done.path("cancelled").asBoolean()).isTrue();
        assertThat(done.path("cancelled_by").asText()).isEqualTo("ann");
        assertThat(done.path("cancel_reason").asText()).isEqualTo("wrong tag");
        assertThat(get("/api/runs/" + run).path("cancelled").path("by").asText()).isEqualTo("ann");
        assertThat(get("/api/runs?status=cancelled").findValuesAsText("run_id")).contains(run);
    }

    private JsonNode summary(String run) throws Exception {
        for (JsonNode item : get("/api/runs?size=200").path("items")) {
            if (run.equals(item.path("run_id").asText())) {
                return item;
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    /** Every stage as attempt 1; teardown with {@code teardown}. */
    private void runThrough(String run, RunContext ctx, StageStatus teardown) {
        events.publish(new RunRequested(run, ctx.imageTag(), run, ctx.skipTeardown(), 1, "local", Instant.now(),
                "it", null));
        for (Stage s : Stage.values()) {
            stage(run, s, 1, s == Stage.TEARDOWN ? teardown : StageStatus.OK, ctx);
        }
    }

    private void stage(String run, Stage s, int attempt, StageStatus status, RunContext ctx) {
        Instant now = Instant.now();
        events.publish(new StageStarted(run, s, attempt, now, ctx));
        events.publish(new StageCompleted(run, s, attempt, status, now, now.plusMillis(100), 0.1, null,
                s == Stage.INTEGRATION_TESTS ? Json.tree(Map.of("total", 3, "passed", 3, "failed", 0, "errors", 0))
                        : null, ctx));
    }

    /** The run's events on the three topics, from their beginning, once {@code until} holds for them. */
    private static List<ReceivedEvent> awaitEvents(String run, java.util.function.Predicate<List<ReceivedEvent>> until) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HistoryStackResource.broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicReader.partitions(consumer, List.of(Topics.RUNS, Topics.STAGES,
                    Topics.VERDICTS), Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ReceivedEvent> seen = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (run.equals(r.key())) {
                        seen.add(KafkaEventRecords.decode(r));
                    }
                }
                if (until.test(seen) && consumer.assignment().stream().allMatch(tp -> consumer.position(tp)
                        >= consumer.endOffsets(List.of(tp)).get(tp))) {
                    return seen;
                }
            }
            throw new AssertionError("the run's events never satisfied the condition: " + seen.stream()
                    .map(e -> e.event().type().eventName() + Optional.ofNullable(e.attributes().replayOf())
                            .map(id -> "(replayof " + id + ")").orElse("")).toList());
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : Json.MAPPER.createObjectNode();
    }
}
