package dev.stonks.inttest.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageChainTest {

    private static final RunContext CONTEXT = new RunContext("latest", "stonks-inttest-r1", false, 1, null, null,
            null);

    @Test
    void okStagesLeadToTheNextOne() {
        assertThat(StageChain.next(completed(Stage.INFRA_DEPLOY, StageStatus.OK))).contains(Stage.SEED_DATA);
        assertThat(StageChain.next(completed(Stage.SEED_DATA, StageStatus.OK))).contains(Stage.SERVICE_DEPLOY);
        assertThat(StageChain.next(completed(Stage.SERVICE_DEPLOY, StageStatus.OK)))
                .contains(Stage.INTEGRATION_TESTS);
        assertThat(StageChain.next(completed(Stage.PROFILING, StageStatus.OK))).contains(Stage.TEARDOWN);
        assertThat(StageChain.next(completed(Stage.TEARDOWN, StageStatus.OK))).isEmpty();
    }

    @Test
    void aFailedSetupStageGoesStraightToTeardown() {
        assertThat(StageChain.next(completed(Stage.INFRA_DEPLOY, StageStatus.FAILED))).contains(Stage.TEARDOWN);
        assertThat(StageChain.next(completed(Stage.SERVICE_DEPLOY, StageStatus.FAILED))).contains(Stage.TEARDOWN);
    }

    @Test
    void profilingRunsEvenWhenTestsFailed() {
        assertThat(StageChain.next(completed(Stage.INTEGRATION_TESTS, StageStatus.FAILED)))
                .contains(Stage.PROFILING);
        assertThat(StageChain.next(completed(Stage.PROFILING, StageStatus.FAILED))).contains(Stage.TEARDOWN);
    }

    @Test
    void aCancelledStageGoesStraightToTeardownEvenFromTheTests() {
        Instant now = Instant.now();
        StageCompleted cancelledTests = new StageCompleted("r1", Stage.INTEGRATION_TESTS, 1, StageStatus.FAILED, now,
                now, 0.0, new StageError(StageError.CANCELLED, "run r1 cancelled"), null, CONTEXT);
        assertThat(StageChain.next(cancelledTests)).contains(Stage.TEARDOWN);
        StageCompleted cancelledTeardown = new StageCompleted("r1", Stage.TEARDOWN, 1, StageStatus.FAILED, now, now,
                0.0, new StageError(StageError.CANCELLED, "x"), null, CONTEXT);
        assertThat(StageChain.next(cancelledTeardown)).isEmpty();
    }

    @Test
    void aTimeOutLeadsToTeardownUnlessTeardownTimedOut() {
        Instant now = Instant.now();
        assertThat(StageChain.next(new RunTimedOut("r1", Stage.SEED_DATA, 1, 60, now, CONTEXT, null)))
                .isEqualTo(Optional.of(Stage.TEARDOWN));
        assertThat(StageChain.next(new RunTimedOut("r1", Stage.TEARDOWN, 1, 60, now, CONTEXT, null))).isEmpty();
    }

    private static StageCompleted completed(Stage stage, StageStatus status) {
        Instant now = Instant.now();
        return new StageCompleted("r1", stage, 1, status, now, now, 0.0,
                status == StageStatus.FAILED ? new StageError("x", "boom") : null, null, CONTEXT);
    }
}
