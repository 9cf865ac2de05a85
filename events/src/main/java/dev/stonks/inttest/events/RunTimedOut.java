package dev.stonks.inttest.events;

import java.time.Instant;

/** The watchdog's word that {@code stage} did not complete by its deadline. */
public record RunTimedOut(String runId, Stage stage, int attempt, double deadlineS, Instant detectedAt,
        RunContext context) implements StageEvent {
    public RunTimedOut {
        Names.requireRunId(runId);
        Required.field(stage, "stage");
        Required.attempt(attempt);
        Required.field(detectedAt, "detected_at");
        Required.field(context, "context");
    }

    @Override
    public EventType type() {
        return EventType.RUN_TIMED_OUT;
    }
}
