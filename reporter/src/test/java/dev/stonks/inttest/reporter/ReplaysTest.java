package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunReplayRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which event a replay re-emits, as which attempt, with which replayof; and what it refuses. */
class ReplaysTest {
    private static final String RUN = "stonks-inttest-rp";
    private static final Instant T0 = Instant.parse("2026-12-02T05:00:00Z");
    private static final RunContext CONTEXT = new RunContext("build-1", RUN, true, 1, "local", null, null);

    private final RunState run = new RunState(RUN, WatchdogLimits.uniform(Duration.ofSeconds(60)));
    private Instant clock = T0;

    /** A whole run, every stage as attempt 1; teardown with {@code teardown} (skipped: the sandbox is kept). */
    private void finishedRun(StageStatus teardown) {
        run.requested(new RunRequested(RUN, "build-1", RUN, true, 1, null, T0, "test", null), T0, "ev-request");
        for (Stage s : Stage.values()) {
            complete(s, 1, s == Stage.TEARDOWN ? teardown : StageStatus.OK);
        }
    }

    private boolean complete(Stage s, int attempt, StageStatus status) {
        Instant start = clock;
        clock = clock.plusSeconds(2);
        RunContext ctx = s.ordinal() >= Stage.SERVICE_DEPLOY.ordinal()
                ? CONTEXT.withServices(Map.of("risk", "http://127.0.0.1:9")) : CONTEXT;
        run.started(new StageStarted(RUN, s, attempt, start, ctx), start);
        return run.completed(new StageCompleted(RUN, s, attempt, status, start, clock, 2.0, null,
                Json.MAPPER.createObjectNode().put("stage", s.id()), ctx), clock, "ev-" + s.id() + "-" + attempt);
    }

    private Replays.Decision plan(Stage from, String tag, int published) {
        return Replays.plan(run, published, new RunReplayRequested(RUN, from, clock, "cli:ann", tag), clock);
    }

    @Test
    void aReplayFromIntegrationTestsReEmitsServiceDeploysCompletionAsAttempt2() {
        finishedRun(StageStatus.SKIPPED);

        Replays.Decision d = plan(Stage.INTEGRATION_TESTS, null, 1);

        assertThat(d).isInstanceOf(Replays.Replay.class);
        Replays.Replay r = (Replays.Replay) d;
        assertThat(r.attempt()).isEqualTo(2);
        assertThat(r.replayOf()).isEqualTo("ev-service_deploy-1");
        StageCompleted trigger = (StageCompleted) r.trigger();
        assertThat(trigger.stage()).isEqualTo(Stage.SERVICE_DEPLOY);
        assertThat(trigger.attempt()).isEqualTo(2);
        assertThat(trigger.status()).isEqualTo(StageStatus.OK);
        // earlier stages' outputs are kept: the context carries the endpoints found, the output as it was
        assertThat(trigger.context().services()).containsEntry("risk", "http://127.0.0.1:9");
        assertThat(trigger.output().path("stage").asText()).isEqualTo("service_deploy");
    }

    @Test
    void aReplayFromInfraDeployReEmitsTheRequest() {
        finishedRun(StageStatus.OK); // torn down: infra_deploy recreates the sandbox

        Replays.Replay r = (Replays.Replay) plan(Stage.INFRA_DEPLOY, null, 1);

        assertThat(r.replayOf()).isEqualTo("ev-request");
        RunRequested trigger = (RunRequested) r.trigger();
        assertThat(trigger.attempt()).isEqualTo(2);
        assertThat(trigger.imageTag()).isEqualTo("build-1");
    }

    @Test
    void anImageTagFromServiceDeployGoesIntoTheReEmittedContext() {
        finishedRun(StageStatus.SKIPPED);

        Replays.Replay r = (Replays.Replay) plan(Stage.SERVICE_DEPLOY, "build-2", 1);

        StageCompleted trigger = (StageCompleted) r.trigger();
        assertThat(trigger.stage()).isEqualTo(Stage.SEED_DATA);
        assertThat(trigger.context().imageTag()).isEqualTo("build-2");
        assertThat(r.replayOf()).isEqualTo("ev-seed_data-1");
    }

    @Test
    void theAttemptFollowsTheRunsHighestSoASecondReplayIsAttempt3() {
        finishedRun(StageStatus.SKIPPED);
        Replays.Replay first = (Replays.Replay) plan(Stage.PROFILING, null, 1);
        run.reopen(first.from(), first.attempt(), clock);
        complete(Stage.PROFILING, 2, StageStatus.OK);
        assertThat(complete(Stage.TEARDOWN, 2, StageStatus.SKIPPED)).isTrue();

        Replays.Replay second = (Replays.Replay) plan(Stage.SERVICE_DEPLOY, null, 2);

        assertThat(second.attempt()).isEqualTo(3);
    }

    @Test
    void refusals() {
        assertThat(refusal(Stage.SEED_DATA, null, 0).status()).as("unknown run").isEqualTo(404);

        finishedRun(StageStatus.SKIPPED);
        assertThat(refusal(Stage.SEED_DATA, null, 0).message()).as("no verdict yet: in flight").contains("in flight");
        assertThat(refusal(Stage.PROFILING, "build-2", 1).status()).as("tag after service_deploy").isEqualTo(400);

        Replays.Replay r = (Replays.Replay) plan(Stage.TEARDOWN, null, 1);
        run.reopen(r.from(), r.attempt(), clock);
        assertThat(refusal(Stage.SEED_DATA, null, 1).message()).as("a replay under way").contains("in flight");
    }

    @Test
    void aTornDownSandboxIsRefusedNamingInfraDeploy() {
        finishedRun(StageStatus.OK);

        assertThat(refusal(Stage.INTEGRATION_TESTS, null, 1).message()).contains("replay from infra_deploy");
    }

    @Test
    void theVerdictOfAReplayShowsEveryAttemptAndTheLatestPerStage() {
        finishedRun(StageStatus.SKIPPED);
        Replays.Replay r = (Replays.Replay) plan(Stage.INTEGRATION_TESTS, null, 1);
        run.reopen(r.from(), r.attempt(), clock);
        assertThat(run.finished()).as("re-opened").isFalse();
        complete(Stage.INTEGRATION_TESTS, 2, StageStatus.OK);
        complete(Stage.PROFILING, 2, StageStatus.OK);
        assertThat(complete(Stage.TEARDOWN, 2, StageStatus.SKIPPED)).isTrue();

        ObjectNode results = ResultsAssembler.assemble(run.snapshot(), clock);

        assertThat(results.path("attempt").asInt()).isEqualTo(2);
        JsonNode tests = results.path("stages").path("integration_tests");
        assertThat(tests.path("attempt").asInt()).isEqualTo(2);
        assertThat(tests.path("attempts")).hasSize(2);
        assertThat(tests.path("attempts").get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(results.path("stages").path("seed_data").path("attempt").asInt()).isEqualTo(1);
        assertThat(SchemaFile.violations(results.toString())).isEmpty();
    }

    private dev.stonks.inttest.events.ReplayRules.Refusal refusal(Stage from, String tag, int published) {
        Replays.Decision d = plan(from, tag, published);
        assertThat(d).isInstanceOf(Replays.Refused.class);
        return ((Replays.Refused) d).refusal();
    }
}
