package dev.stonks.inttest.events;

import java.time.Instant;

/**
 * The watchdog's word that {@code stage} is given up: its heartbeats stopped, it never started, or it ran past its
 * maximum duration. {@code reason} says which, naming the stage (absent in events of older reporters).
 */
public record RunTimedOut(String runId, Stage stage, int attempt, double deadlineS, Instant detectedAt,
        RunContext context, String reason) implements StageEvent {
    public RunTimedOut {
        Names.requireRunId(runId);
        Required.field(stage, "stage");
        Required.attempt(attempt);
        Required.field(detectedAt, "detected_at");
        Required.field(context, "context");
        reason = reason == null || reason.isBlank()
                ? stage.id() + " did not complete within " + Math.round(deadlineS) + " s" : reason;
    }

    @Override
    public EventType type() {
        return EventType.RUN_TIMED_OUT;
    }
}
