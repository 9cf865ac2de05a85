package dev.stonks.inttest.provisioner.testing;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageStatus;
import java.time.Instant;

/** Contract events for tests. */
public final class Events {
    private Events() {
    }

    public static RunRequested runRequested(String runId, String imageTag, boolean skipTeardown) {
        return new RunRequested(runId, imageTag, runId, skipTeardown, 1, null, Instant.now(), "test", null);
    }

    public static RunContext context(String runId, String imageTag, boolean skipTeardown) {
        return runRequested(runId, imageTag, skipTeardown).toContext();
    }

    public static StageCompleted completed(String runId, Stage stage, int attempt, StageStatus status,
            RunContext context) {
        Instant now = Instant.now();
        return new StageCompleted(runId, stage, attempt, status, now, now, 0.1,
                status == StageStatus.FAILED ? new StageError("boom", "it failed") : null, null, context);
    }
}
