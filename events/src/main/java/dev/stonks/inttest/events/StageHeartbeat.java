package dev.stonks.inttest.events;

import java.time.Instant;

/**
 * A working stage's sign of life, published every few seconds between its stage.started and stage.completed. The
 * reporter's watchdog ends a stage whose heartbeats stop.
 */
public record StageHeartbeat(String runId, Stage stage, int attempt, Instant at, RunContext context)
        implements StageEvent {
    public StageHeartbeat {
        Names.requireRunId(runId);
        Required.field(stage, "stage");
        Required.attempt(attempt);
        Required.field(at, "at");
        Required.field(context, "context");
    }

    @Override
    public EventType type() {
        return EventType.STAGE_HEARTBEAT;
    }
}
