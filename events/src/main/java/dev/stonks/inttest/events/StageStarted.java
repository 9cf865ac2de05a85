package dev.stonks.inttest.events;

import java.time.Instant;

public record StageStarted(String runId, Stage stage, int attempt, Instant startedAt, RunContext context)
        implements StageEvent {
    public StageStarted {
        Names.requireRunId(runId);
        Required.field(stage, "stage");
        Required.attempt(attempt);
        Required.field(startedAt, "started_at");
        Required.field(context, "context");
    }

    @Override
    public EventType type() {
        return EventType.STAGE_STARTED;
    }
}
