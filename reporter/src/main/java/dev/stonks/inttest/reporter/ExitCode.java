package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageStatus;
import java.util.Map;

/**
 * The seed's exit codes: 0 all tests passed, 1 test failures or errors, 2 infrastructure setup failure. A cancelled
 * run, and a run with a stage the watchdog gave up (its service gone), are 2 as well: the pipeline could not judge
 * the build.
 */
final class ExitCode {
    static final int PASSED = 0;
    static final int TESTS_FAILED = 1;
    static final int SETUP_FAILED = 2;

    private ExitCode() {
    }

    static int of(Map<Stage, StageRecord> stages, int testsFailed, int testsErrors, boolean cancelled) {
        if (cancelled || stages.values().stream().anyMatch(r -> r.timedOut() != null)) {
            return SETUP_FAILED;
        }
        for (Stage stage : Stage.values()) {
            if (stage.isSetup() && !succeeded(stages.get(stage))) {
                return SETUP_FAILED;
            }
        }
        if (!succeeded(stages.get(Stage.INTEGRATION_TESTS)) || testsFailed > 0 || testsErrors > 0) {
            return TESTS_FAILED;
        }
        return PASSED;
    }

    private static boolean succeeded(StageRecord record) {
        return record != null && record.completed() != null && record.completed().status() == StageStatus.OK;
    }
}
