package dev.stonks.inttest.events;

import java.time.Instant;

/** Asks for a run: sandbox, seed, services at {@code imageTag}, tests, profiling, teardown, verdict. */
public record RunRequested(String runId, String imageTag, String namespace, boolean skipTeardown, Integer scale,
        String backend, Instant requestedAt, String requestedBy, GitRef git) implements RunEvent {

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
    }

    public RunContext toContext() {
        return new RunContext(imageTag, namespace, skipTeardown, scale, backend, null, null);
    }

    @Override
    public EventType type() {
        return EventType.RUN_REQUESTED;
    }
}
