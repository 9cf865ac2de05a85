package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.ResultsSchema;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageHeartbeat;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStateTest {

    private static final String RUN = "stonks-inttest-r1";
    private static final Instant T0 = Instant.parse("2026-01-15T12:00:00Z");
    private static final RunContext CONTEXT = new RunContext("abc123", RUN, false, 1, "local", null, null);

    private final RunState run = new RunState(RUN, WatchdogLimits.uniform(Duration.ofSeconds(60)));
    private final VerdictLedger ledger = new VerdictLedger();

    @Test
    void aPassingRunGivesExitCodeZeroAndSchemaValidResults() {
        // Given
        run.requested(request(), T0);
        for (Stage stage : List.of(Stage.INFRA_DEPLOY, Stage.SEED_DATA, Stage.SERVICE_DEPLOY)) {
            complete(stage, StageStatus.OK, null);
        }
        complete(Stage.INTEGRATION_TESTS, StageStatus.OK, new TestsOutput(12, 12, 0, 0, 0, List.of(),
                Map.of("/api/companies", List.of(5.0))).withReportPath("/reports/stonks-inttest-r1"));
        complete(Stage.PROFILING, StageStatus.OK, new ProfilingOutput(
                Map.of("/api/companies", new EndpointProfile(5, 5, 5, 5, 1)), List.of(), 500));

        // When
        boolean finished = complete(Stage.TEARDOWN, StageStatus.OK, null);
        JsonNode results = ResultsAssembler.assemble(run.snapshot(), T0.plusSeconds(100));

        // Then
        assertThat(finished).isTrue();
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
        assertThat(results.get("exit_code").asInt()).isZero();
        assertThat(results.get("run_id").asText()).isEqualTo(RUN);
        assertThat(results.get("image_tag").asText()).isEqualTo("abc123");
        assertThat(results.at("/tests/total").asInt()).isEqualTo(12);
        assertThat(results.get("junit_report").asText()).isEqualTo("/reports/stonks-inttest-r1");
        assertThat(results.at("/stages/seed_data/status").asText()).isEqualTo("ok");
        assertThat(results.at("/stages/seed_data/duration_s").asDouble()).isEqualTo(2.5);
        assertThat(results.at("/profiling/endpoints/~1api~1companies/p95_ms").asDouble()).isEqualTo(5.0);
        assertThat(results.get("started_at").asText()).isEqualTo("2026-01-15T12:00:00Z");
    }

    @Test
    void testFailuresGiveExitCodeOneWithTheFailuresListed() {
        run.requested(request(), T0);
        for (Stage stage : List.of(Stage.INFRA_DEPLOY, Stage.SEED_DATA, Stage.SERVICE_DEPLOY)) {
            complete(stage, StageStatus.OK, null);
        }
        complete(Stage.INTEGRATION_TESTS, StageStatus.FAILED, new TestsOutput(3, 2, 1, 0, 0,
                List.of(new TestFailure("TrendsApiSuite.confidence", "failure", "expected 0.82 but was 1.7")),
                Map.of()));
        complete(Stage.PROFILING, StageStatus.OK, null);
        complete(Stage.TEARDOWN, StageStatus.OK, null);

        JsonNode results = ResultsAssembler.assemble(run.snapshot(), T0);

        assertThat(results.get("exit_code").asInt()).isEqualTo(1);
        assertThat(results.at("/failures/0/message").asText()).contains("expected 0.82");
        assertThat(results.has("junit_report")).isFalse();
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
    }

    @Test
    void aFailedSetupStageGivesExitCodeTwoAndUnreachedStagesAreSkipped() {
        run.requested(request(), T0);
        complete(Stage.INFRA_DEPLOY, StageStatus.OK, null);
        complete(Stage.SEED_DATA, StageStatus.OK, null);
        complete(Stage.SERVICE_DEPLOY, StageStatus.FAILED, null);
        complete(Stage.TEARDOWN, StageStatus.OK, null);

        JsonNode results = ResultsAssembler.assemble(run.snapshot(), T0);

        assertThat(results.get("exit_code").asInt()).isEqualTo(2);
        assertThat(results.at("/stages/service_deploy/error/kind").asText()).isEqualTo("boom");
        assertThat(results.at("/stages/integration_tests/status").asText()).isEqualTo("skipped");
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
    }

    @Test
    void theWatchdogFiresOnceForAStageThatNeverStarts() {
        run.requested(request(), T0);
        complete(Stage.INFRA_DEPLOY, StageStatus.OK, null);

        assertThat(run.overdue(T0.plusSeconds(30))).isEmpty();
        RunTimedOut timedOut = run.overdue(T0.plusSeconds(61)).orElseThrow();
        assertThat(timedOut.stage()).isEqualTo(Stage.SEED_DATA);
        assertThat(run.overdue(T0.plusSeconds(62))).isEmpty();

        // the time-out itself comes back through the topic; then teardown is awaited
        assertThat(run.timedOut(timedOut, T0.plusSeconds(61))).isFalse();
        assertThat(run.overdue(T0.plusSeconds(200)).orElseThrow().stage()).isEqualTo(Stage.TEARDOWN);

        JsonNode results = ResultsAssembler.assemble(run.snapshot(), T0.plusSeconds(200));
        assertThat(results.get("exit_code").asInt()).isEqualTo(2);
        assertThat(results.at("/stages/seed_data/error/kind").asText()).isEqualTo("timed_out");
    }

    @Test
    void duplicatesAndOlderAttemptsAreIgnoredAndOneVerdictPerAttempt() {
        run.requested(request(), T0);
        complete(Stage.INFRA_DEPLOY, StageStatus.OK, null);
        assertThat(complete(Stage.TEARDOWN, StageStatus.OK, null)).isTrue();
        assertThat(complete(Stage.TEARDOWN, StageStatus.OK, null)).isFalse();
        assertThat(ledger.claim(RUN, run.attempt())).isTrue();
        assertThat(ledger.claim(RUN, run.attempt())).isFalse();

        // a replay from seed_data as attempt 2
        run.started(new StageStarted(RUN, Stage.SEED_DATA, 2, T0, CONTEXT), T0);
        assertThat(run.completed(completed(Stage.TEARDOWN, 2, StageStatus.OK, null), T0)).isTrue();
        assertThat(ledger.claim(RUN, run.attempt())).isTrue();
        assertThat(run.completed(completed(Stage.INFRA_DEPLOY, 1, StageStatus.FAILED, null), T0)).isFalse();
        assertThat(run.snapshot().stages().get(Stage.INFRA_DEPLOY).completed().status()).isEqualTo(StageStatus.OK);
    }

    @Test
    void aWorkingStageStaysAliveOnHeartbeatsAndIsGivenUpWhenTheyStop() {
        RunState live = new RunState(RUN, new WatchdogLimits(Duration.ofSeconds(30), stage -> Duration.ofMinutes(10)));
        live.requested(request(), T0);
        live.started(new StageStarted(RUN, Stage.INTEGRATION_TESTS, 1, T0, CONTEXT), T0);
        for (int s = 3; s <= 90; s += 3) {
            live.heartbeat(new StageHeartbeat(RUN, Stage.INTEGRATION_TESTS, 1, T0.plusSeconds(s), CONTEXT),
                    T0.plusSeconds(s));
            assertThat(live.overdue(T0.plusSeconds(s + 2))).isEmpty();
        }

        assertThat(live.overdue(T0.plusSeconds(119))).isEmpty();
        RunTimedOut timedOut = live.overdue(T0.plusSeconds(121)).orElseThrow();

        assertThat(timedOut.stage()).isEqualTo(Stage.INTEGRATION_TESTS);
        assertThat(timedOut.reason()).contains("no stage.heartbeat from integration_tests for 30 s");
        live.timedOut(timedOut, T0.plusSeconds(121));
        live.completed(completed(Stage.TEARDOWN, 1, StageStatus.OK, null), T0.plusSeconds(125));
        JsonNode results = ResultsAssembler.assemble(live.snapshot(), T0.plusSeconds(125));
        assertThat(results.get("exit_code").asInt()).isEqualTo(2);
        assertThat(results.at("/stages/integration_tests/error/kind").asText()).isEqualTo("timed_out");
        assertThat(results.at("/stages/integration_tests/error/message").asText()).contains("heartbeat");
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
    }

    @Test
    void aStageStartedAgainByARestartedServiceIsAliveAndKeepsItsFirstStart() {
        RunState live = new RunState(RUN, new WatchdogLimits(Duration.ofSeconds(30), stage -> Duration.ofMinutes(10)));
        live.requested(request(), T0);
        live.started(new StageStarted(RUN, Stage.SEED_DATA, 1, T0, CONTEXT), T0);
        live.started(new StageStarted(RUN, Stage.SEED_DATA, 1, T0.plusSeconds(25), CONTEXT), T0.plusSeconds(25));

        assertThat(live.overdue(T0.plusSeconds(50))).isEmpty();
        assertThat(live.snapshot().stages().get(Stage.SEED_DATA).started().startedAt()).isEqualTo(T0);
        assertThat(live.overdue(T0.plusSeconds(56))).isPresent();
    }

    @Test
    void aStagePastItsMaximumDurationIsGivenUpDespiteHeartbeats() {
        RunState live = new RunState(RUN, new WatchdogLimits(Duration.ofSeconds(30), stage -> Duration.ofSeconds(60)));
        live.requested(request(), T0);
        live.started(new StageStarted(RUN, Stage.PROFILING, 1, T0, CONTEXT), T0);
        live.heartbeat(new StageHeartbeat(RUN, Stage.PROFILING, 1, T0.plusSeconds(59), CONTEXT), T0.plusSeconds(59));

        assertThat(live.overdue(T0.plusSeconds(61)).orElseThrow().reason())
                .isEqualTo("profiling ran past its maximum duration of 60 s");
    }

    @Test
    void aCancelledRunSaysWhoAndWhyWithExitCodeTwoAndLaterStagesSkipped() {
        run.requested(request(), T0);
        complete(Stage.INFRA_DEPLOY, StageStatus.OK, null);
        complete(Stage.SEED_DATA, StageStatus.OK, null);
        complete(Stage.SERVICE_DEPLOY, StageStatus.OK, null);
        assertThat(run.cancelRequested(new RunCancelRequested(RUN, "interrupted by SIGINT", T0.plusSeconds(9),
                "cli:alice"))).isTrue();
        assertThat(run.cancelRequested(new RunCancelRequested(RUN, "again", T0.plusSeconds(10), "cli:bob")))
                .isFalse();
        run.started(new StageStarted(RUN, Stage.INTEGRATION_TESTS, 1, T0, CONTEXT), T0);
        run.completed(new StageCompleted(RUN, Stage.INTEGRATION_TESTS, 1, StageStatus.FAILED, T0,
                T0.plusSeconds(10), 10, new StageError(StageError.CANCELLED, "run cancelled by cli:alice"), null,
                CONTEXT), T0.plusSeconds(10));
        complete(Stage.TEARDOWN, StageStatus.OK, null);

        JsonNode results = ResultsAssembler.assemble(run.snapshot(), T0.plusSeconds(12));

        assertThat(results.get("exit_code").asInt()).isEqualTo(2);
        assertThat(results.at("/cancelled/by").asText()).isEqualTo("cli:alice");
        assertThat(results.at("/cancelled/reason").asText()).isEqualTo("interrupted by SIGINT");
        assertThat(results.at("/cancelled/at").asText()).isEqualTo("2026-01-15T12:00:09Z");
        assertThat(results.at("/stages/integration_tests/status").asText()).isEqualTo("failed");
        assertThat(results.at("/stages/integration_tests/error/kind").asText()).isEqualTo("cancelled");
        assertThat(results.at("/stages/profiling/status").asText()).isEqualTo("skipped");
        assertThat(results.at("/stages/profiling/reason").asText()).contains("cancelled");
        assertThat(results.at("/stages/teardown/status").asText()).isEqualTo("ok");
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
        // a cancel after the run finished (and had its verdict) changes nothing
        assertThat(ledger.claim(RUN, run.attempt())).isTrue();
        assertThat(run.cancelRequested(new RunCancelRequested(RUN, "late", T0.plusSeconds(20), "x"))).isFalse();
    }

    @Test
    void aVerdictFoundOnTheLogIsNeverPublishedAgain() {
        run.requested(request(), T0);
        ledger.record(RUN, 1);
        assertThat(run.inFlight(ledger.published(RUN))).isTrue();
        complete(Stage.INFRA_DEPLOY, StageStatus.FAILED, null);
        assertThat(complete(Stage.TEARDOWN, StageStatus.OK, null)).isTrue();

        assertThat(ledger.claim(RUN, run.attempt())).isFalse();
        assertThat(run.inFlight(ledger.published(RUN))).isFalse();
        assertThat(run.inFlight(0)).as("without that verdict it would still wait for one").isTrue();
    }

    private boolean complete(Stage stage, StageStatus status, Object output) {
        run.started(new StageStarted(RUN, stage, 1, T0, CONTEXT), T0);
        return run.completed(completed(stage, 1, status, output), T0);
    }

    private static StageCompleted completed(Stage stage, int attempt, StageStatus status, Object output) {
        return new StageCompleted(RUN, stage, attempt, status, T0, T0.plusMillis(2500), 2.5,
                status == StageStatus.FAILED ? new StageError("boom", "it broke") : null,
                output == null ? null : Json.tree(output), CONTEXT);
    }

    private static RunRequested request() {
        return new RunRequested(RUN, "abc123", RUN, false, 1, null, T0, "test", null);
    }
}
