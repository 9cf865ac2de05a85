package dev.stonks.inttest.provisioner.stage;

import static dev.stonks.inttest.provisioner.testing.Events.completed;
import static dev.stonks.inttest.provisioner.testing.Events.context;
import static dev.stonks.inttest.provisioner.testing.Events.runRequested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.output.ComponentStatus;
import dev.stonks.inttest.events.output.InfraOutput;
import dev.stonks.inttest.events.output.ServicesOutput;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import dev.stonks.inttest.provisioner.backend.SandboxBackend;
import dev.stonks.inttest.provisioner.backend.SandboxBackends;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.stage.RunLog;
import dev.stonks.inttest.support.stage.StageRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxStagesTest {
    private static final String RUN = "stonks-inttest-stages";

    private final List<InttestEvent> published = new ArrayList<>();
    private final FakeBackend backend = new FakeBackend();
    private final SandboxStages stages = new SandboxStages(new StageRunner(new EventPublisher(null, null) {
        @Override
        public void publish(InttestEvent event) {
            published.add(event);
        }

        @Override
        public void publish(InttestEvent event, String replayOf) {
            published.add(event);
        }
    }, RunLog.standalone(), Duration.ZERO), new SandboxBackends(null, null, null) {
        @Override
        public SandboxBackend require(String name) {
            if (!name.equals("local")) {
                throw new StageFailedException(FailureKinds.BACKEND_UNAVAILABLE, "no " + name);
            }
            return backend;
        }

        @Override
        public List<SandboxBackend> enabled() {
            return List.of(backend);
        }
    });

    @Test
    void infraDeployHandsTheEndpointsOnInTheContext() {
        // When
        StageCompleted done = stages.infraDeploy(runRequested(RUN, "latest", false)).orElseThrow();

        // Then
        assertThat(published).hasSize(2).first().isInstanceOf(StageStarted.class);
        assertThat(done.stage()).isEqualTo(Stage.INFRA_DEPLOY);
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.status()).isEqualTo(StageStatus.OK);
        assertThat(done.context().infra()).containsEntry("redis", "redis://127.0.0.1:1");
        assertThat(done.output().path("components").path("redis").path("endpoint").asText())
                .isEqualTo("redis://127.0.0.1:1");
    }

    @Test
    void aRequestReEmittedForAReplayDeploysTheInfrastructureAsItsAttempt() {
        // Given: the reporter re-emitted the request for a replay from infra_deploy, the run's attempt 2
        RunRequested replay = runRequested(RUN, "latest", false).asAttempt(2, "other-build");

        // When
        StageCompleted done = stages.infraDeploy(replay).orElseThrow();

        // Then
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.context().imageTag()).isEqualTo("other-build");
    }

    @Test
    void serviceDeployRunsAsTheAttemptOfTheSeedDataItFollows() {
        StageCompleted done = stages.serviceDeploy(completed(RUN, Stage.SEED_DATA, 3, StageStatus.OK,
                context(RUN, "abc", false))).orElseThrow();

        assertThat(done.attempt()).isEqualTo(3);
        assertThat(backend.servicesAttempt).isEqualTo(3);
        assertThat(done.context().services()).containsEntry("risk", "http://127.0.0.1:2");
    }

    @Test
    void skipTeardownLeavesTheSandboxAndReportsSkipped() {
        StageCompleted done = stages.teardown(RUN, 1, context(RUN, "latest", true), "profiling ok").orElseThrow();

        assertThat(done.status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(backend.tornDown).isEmpty();
        assertThat(done.output().path("note").asText()).contains("skip_teardown", RUN);
    }

    @Test
    void aRefusedTeardownIsAFailedStageWithTheKind() {
        backend.teardownFailure = new StageFailedException("not_owned", "not ours");

        StageCompleted done = stages.teardown(RUN, 1, context(RUN, "latest", false), "profiling ok").orElseThrow();

        assertThat(done.status()).isEqualTo(StageStatus.FAILED);
        assertThat(done.error().kind()).isEqualTo("not_owned");
    }

    @Test
    void aCancelledRunGetsNoFurtherDeployButStillItsTeardown() {
        // Given
        backend.runs.put(RUN, context(RUN, "latest", false));

        // When
        stages.cancel(new RunCancelRequested(RUN, "user", Instant.now(), "test"));
        StageCompleted services = stages.serviceDeploy(completed(RUN, Stage.SEED_DATA, 1, StageStatus.OK,
                context(RUN, "latest", false))).orElseThrow();
        StageCompleted teardown = stages.teardown(RUN, 1, context(RUN, "latest", false), "service_deploy cancelled")
                .orElseThrow();

        // Then
        assertThat(services.status()).isEqualTo(StageStatus.FAILED);
        assertThat(services.error().kind()).isEqualTo("cancelled");
        assertThat(services.error().message()).contains("cancelled by test (user)");
        assertThat(backend.servicesAttempt).isZero();
        assertThat(teardown.status()).isEqualTo(StageStatus.OK);
        assertThat(backend.tornDown).containsExactly(RUN);
    }

    @Test
    void aStageAlreadyCompletedIsNotDoneAgainForARedeliveredTrigger() {
        stages.teardown(RUN, 1, context(RUN, "latest", false), "profiling ok").orElseThrow();
        int events = published.size();

        assertThat(stages.teardown(RUN, 1, context(RUN, "latest", false), "profiling ok (redelivered)")).isEmpty();
        assertThat(published).hasSize(events);
        assertThat(backend.tornDown).containsExactly(RUN);
    }

    @Test
    void aRunForAnotherBackendFailsItsStage() {
        RunRequested request = new RunRequested(RUN, "latest", RUN, false, 1, "kubernetes", Instant.now(), "t", null);

        StageCompleted done = stages.infraDeploy(request).orElseThrow();

        assertThat(done.status()).isEqualTo(StageStatus.FAILED);
        assertThat(done.error().kind()).isEqualTo("backend_unavailable");
    }

    @Test
    void noOutputOrContextCarriesACredential() {
        StageCompleted infra = stages.infraDeploy(runRequested(RUN, "latest", false)).orElseThrow();
        String json = Json.tree(infra).toString();
        assertThat(json).doesNotContain("password", "secret");
    }

    private static final class FakeBackend implements SandboxBackend {
        final Map<String, RunContext> runs = new java.util.HashMap<>();
        final List<String> tornDown = new ArrayList<>();
        int servicesAttempt;
        StageFailedException teardownFailure;

        @Override
        public String name() {
            return "local";
        }

        @Override
        public InfraDeployment deployInfra(String runId, int attempt, RunContext context) {
            return new InfraDeployment(new InfraOutput("local", context.namespace(),
                    Map.of("redis", new ComponentStatus("redis://127.0.0.1:1", 0.2, 42L))),
                    Map.of("redis", "redis://127.0.0.1:1"));
        }

        @Override
        public ServicesDeployment deployServices(String runId, int attempt, RunContext context) {
            servicesAttempt = attempt;
            return new ServicesDeployment(new ServicesOutput(context.imageTag(), "/b.jar",
                    Map.of("risk", new ComponentStatus("http://127.0.0.1:2", 3.0, 43L))),
                    Map.of("risk", "http://127.0.0.1:2"));
        }

        @Override
        public TeardownOutput teardown(String runId, RunContext context) {
            if (teardownFailure != null) {
                throw teardownFailure;
            }
            tornDown.add(runId);
            return new TeardownOutput(List.of("redis"), List.of("/x"), null);
        }

        @Override
        public Optional<RunContext> findRun(String runId) {
            return Optional.ofNullable(runs.get(runId));
        }

        @Override
        public List<String> reapExpired(Instant now) {
            return List.of();
        }
    }
}
