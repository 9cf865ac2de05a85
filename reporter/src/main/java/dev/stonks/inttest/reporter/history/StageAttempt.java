package dev.stonks.inttest.reporter.history;

import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import java.time.Instant;

/**
 * What one stage event says about an attempt, to be merged into its {@code stage_attempts} row; null fields leave
 * the row's values as they are.
 */
public record StageAttempt(String runId, String stage, int attempt, String status, Instant startedAt,
        Instant completedAt, Double durationS, String errorKind, String errorMessage) {

    public static StageAttempt of(StageStarted s) {
        return new StageAttempt(s.runId(), s.stage().id(), s.attempt(), StageAttemptRecord.RUNNING, s.startedAt(),
                null, null, null, null);
    }

    public static StageAttempt of(StageCompleted c) {
        return new StageAttempt(c.runId(), c.stage().id(), c.attempt(), c.status().id(), c.startedAt(),
                c.completedAt(), c.durationS(), c.error() == null ? null : c.error().kind(),
                c.error() == null ? null : c.error().message());
    }

    public static StageAttempt of(RunTimedOut t) {
        return new StageAttempt(t.runId(), t.stage().id(), t.attempt(), StageAttemptRecord.TIMED_OUT, null,
                t.detectedAt(), null, dev.stonks.inttest.events.StageError.TIMED_OUT, t.reason());
    }

    boolean running() {
        return StageAttemptRecord.RUNNING.equals(status);
    }
}
