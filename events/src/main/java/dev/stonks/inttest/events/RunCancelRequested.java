package dev.stonks.inttest.events;

import java.time.Instant;

public record RunCancelRequested(String runId, String reason, Instant requestedAt) implements RunEvent {
    public RunCancelRequested {
        Names.requireRunId(runId);
        Required.field(requestedAt, "requested_at");
    }

    @Override
    public EventType type() {
        return EventType.RUN_CANCEL_REQUESTED;
    }
}
