package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The stage a run waits for: when it was triggered, when it started (null until it did) and its last sign of life
 * (stage.started or stage.heartbeat).
 */
record PendingStage(Stage stage, int attempt, Instant triggeredAt, Instant startedAt, Instant lastSign) {

    static PendingStage triggered(Stage stage, int attempt, Instant at) {
        return new PendingStage(stage, attempt, at, null, at);
    }

    PendingStage alive(Instant at, boolean started) {
        Instant start = startedAt != null ? startedAt : started ? at : null;
        return new PendingStage(stage, attempt, triggeredAt, start, at.isAfter(lastSign) ? at : lastSign);
    }

    /** Why the watchdog gives this stage up at {@code now}, or empty while it is alive and within its limits. */
    Optional<String> overdue(Instant now, WatchdogLimits limits) {
        long timeout = limits.heartbeatTimeout().toSeconds();
        if (startedAt == null) {
            return now.isAfter(triggeredAt.plus(limits.heartbeatTimeout()))
                    ? Optional.of(stage.id() + " was triggered at " + triggeredAt + " but did not start within "
                            + timeout + " s (no stage.started): is its service running?")
                    : Optional.empty();
        }
        Duration max = limits.maxDuration().apply(stage);
        if (now.isAfter(startedAt.plus(max))) {
            return Optional.of(stage.id() + " ran past its maximum duration of " + max.toSeconds() + " s");
        }
        if (now.isAfter(lastSign.plus(limits.heartbeatTimeout()))) {
            return Optional.of("no stage.heartbeat from " + stage.id() + " for " + timeout
                    + " s (last sign of life at " + lastSign + "): its service is gone");
        }
        return Optional.empty();
    }
}
