package dev.stonks.inttest.events;

import java.time.Instant;

/**
 * Asks for a run: sandbox, seed, services at {@code imageTag}, tests, profiling, teardown, verdict.
 *
 * @param attempt 1 for the request itself; a replay from infra_deploy re-emits the request with the run's next
 *                attempt (and the {@code replayof} extension)
 */
public record RunRequested(String runId, String imageTag, String namespace, boolean skipTeardown, Integer scale,
        String backend, Instant requestedAt, String requestedBy, GitRef git, Integer attempt) implements RunEvent {

    public RunRequested {
        Names.requireRunId(runId);
        Names.requireImageTag(imageTag);
        Names.requireNamespace(namespace);
        scale = scale == null ? 1 : scale;
        if (scale < 1 || scale > 1000) {
            throw new IllegalArgumentException("scale must be in 1..1000, was " + scale);
        }
        backend = backend == null ? RunContext.BACKEND_LOCAL : backend;
        Required.field(requestedAt, "requested_at");
        attempt = attempt == null ? 1 : attempt;
        Required.attempt(attempt);
    }

    public RunRequested(String runId, String imageTag, String namespace, boolean skipTeardown, Integer scale,
            String backend, Instant requestedAt, String requestedBy, GitRef git) {
        this(runId, imageTag, namespace, skipTeardown, scale, backend, requestedAt, requestedBy, git, 1);
    }

    /** This request as the trigger of {@code attempt}, at {@code tag} (a replay from infra_deploy). */
    public RunRequested asAttempt(int attempt, String tag) {
        return new RunRequested(runId, tag, namespace, skipTeardown, scale, backend, requestedAt, requestedBy, git,
                attempt);
    }

    public RunContext toContext() {
        return new RunContext(imageTag, namespace, skipTeardown, scale, backend, null, null);
    }

    @Override
    public EventType type() {
        return EventType.RUN_REQUESTED;
    }
}
