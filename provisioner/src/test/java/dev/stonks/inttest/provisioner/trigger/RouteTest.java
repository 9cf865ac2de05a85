package dev.stonks.inttest.provisioner.trigger;

import static dev.stonks.inttest.provisioner.testing.Events.completed;
import static dev.stonks.inttest.provisioner.testing.Events.context;
import static dev.stonks.inttest.provisioner.testing.Events.runRequested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunReplayRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTest {
    private static final String RUN = "stonks-inttest-route";
    private static final RunContext CTX = context(RUN, "latest", false);

    @Test
    void runRequestedStartsInfraDeployAndCancelTearsDown() {
        assertThat(Route.of(runRequested(RUN, "latest", false))).contains(Route.INFRA_DEPLOY);
        assertThat(Route.of(new RunCancelRequested(RUN, "user", Instant.now(), "test"))).contains(Route.CANCEL);
        assertThat(Route.of(new RunReplayRequested(RUN, Stage.SEED_DATA, Instant.now(), "u"))).isEmpty();
    }

    @Test
    void seedDataOkStartsServiceDeployAndAFailedSetupStageTearsDown() {
        assertThat(Route.of(completed(RUN, Stage.SEED_DATA, 1, StageStatus.OK, CTX))).contains(Route.SERVICE_DEPLOY);
        assertThat(Route.of(completed(RUN, Stage.SEED_DATA, 1, StageStatus.FAILED, CTX))).contains(Route.TEARDOWN);
        assertThat(Route.of(completed(RUN, Stage.INFRA_DEPLOY, 1, StageStatus.FAILED, CTX))).contains(Route.TEARDOWN);
        assertThat(Route.of(completed(RUN, Stage.SERVICE_DEPLOY, 1, StageStatus.FAILED, CTX)))
                .contains(Route.TEARDOWN);
    }

    @Test
    void profilingDoneTearsDownWhateverItsStatus() {
        assertThat(Route.of(completed(RUN, Stage.PROFILING, 1, StageStatus.OK, CTX))).contains(Route.TEARDOWN);
        assertThat(Route.of(completed(RUN, Stage.PROFILING, 1, StageStatus.FAILED, CTX))).contains(Route.TEARDOWN);
    }

    @Test
    void otherStagesAreNotForTheProvisioner() {
        assertThat(Route.of(completed(RUN, Stage.INFRA_DEPLOY, 1, StageStatus.OK, CTX))).isEmpty();
        assertThat(Route.of(completed(RUN, Stage.SERVICE_DEPLOY, 1, StageStatus.OK, CTX))).isEmpty();
        assertThat(Route.of(completed(RUN, Stage.INTEGRATION_TESTS, 1, StageStatus.FAILED, CTX))).isEmpty();
        assertThat(Route.of(completed(RUN, Stage.TEARDOWN, 1, StageStatus.OK, CTX))).isEmpty();
        assertThat(Route.of(new StageStarted(RUN, Stage.SEED_DATA, 1, Instant.now(), CTX))).isEmpty();
    }

    @Test
    void aTimeOutTearsDownUnlessTeardownItselfTimedOut() {
        assertThat(Route.of(new RunTimedOut(RUN, Stage.SEED_DATA, 1, 600, Instant.now(), CTX, null)))
                .isEqualTo(Optional.of(Route.TEARDOWN));
        assertThat(Route.of(new RunTimedOut(RUN, Stage.TEARDOWN, 1, 120, Instant.now(), CTX, null))).isEmpty();
    }
}
