package dev.stonks.inttest.events;

import java.time.Instant;

/** Asks to re-run {@code fromStage} and everything after it, as a new attempt. */
public record RunReplayRequested(String runId, Stage fromStage, Instant requestedAt, String requestedBy)
        implements RunEvent {
    public RunReplayRequested {
        Names.requireRunId(runId);
        Required.field(fromStage, "from_stage");
        Required.field(requestedAt, "requested_at");
    }

    @Override
    public EventType type() {
        return EventType.RUN_REPLAY_REQUESTED;
    }
}
