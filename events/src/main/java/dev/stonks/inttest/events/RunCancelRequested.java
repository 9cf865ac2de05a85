package dev.stonks.inttest.events;

import java.time.Instant;

/**
 * A request to stop a run: the stage at work stops, the sandbox is torn down, the verdict says cancelled (exit 2).
 *
 * @param requestedBy who asked (the principal of the credential, {@code cli:<user>}, or the stack when its owner died)
 */
public record RunCancelRequested(String runId, String reason, Instant requestedAt, String requestedBy)
        implements RunEvent {
    public RunCancelRequested {
        Names.requireRunId(runId);
        Required.field(requestedAt, "requested_at");
        requestedBy = requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy;
        reason = reason == null ? "" : reason;
    }

    @Override
    public EventType type() {
        return EventType.RUN_CANCEL_REQUESTED;
    }
}
