package dev.stonks.inttest.events;

import java.time.Instant;

/**
 * Asks to re-run {@code fromStage} and everything after it, as the run's next attempt. The reporter answers it by
 * re-emitting, from the log, the event that triggered {@code fromStage} (see {@link StageChain#triggerOf}).
 *
 * @param imageTag optional: the build to deploy instead of the run's (only with a replay from service_deploy or an
 *                 earlier stage, which deploy the services again)
 */
public record RunReplayRequested(String runId, Stage fromStage, Instant requestedAt, String requestedBy,
        String imageTag) implements RunEvent {
    public RunReplayRequested {
        Names.requireRunId(runId);
        Required.field(fromStage, "from_stage");
        Required.field(requestedAt, "requested_at");
        requestedBy = requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy;
        if (imageTag != null) {
            Names.requireImageTag(imageTag);
        }
    }

    public RunReplayRequested(String runId, Stage fromStage, Instant requestedAt, String requestedBy) {
        this(runId, fromStage, requestedAt, requestedBy, null);
    }

    @Override
    public EventType type() {
        return EventType.RUN_REPLAY_REQUESTED;
    }
}
