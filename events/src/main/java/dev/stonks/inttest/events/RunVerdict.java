package dev.stonks.inttest.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The end of a run: its exit code (0 passed, 1 test failures, 2 setup failure) and the results document. */
public record RunVerdict(String runId, int exitCode, JsonNode results, Instant decidedAt) implements VerdictEvent {
    public RunVerdict {
        Names.requireRunId(runId);
        if (exitCode < 0 || exitCode > 2) {
            throw new IllegalArgumentException("exit_code must be 0, 1 or 2, was " + exitCode);
        }
        Required.field(results, "results");
        Required.field(decidedAt, "decided_at");
    }

    @Override
    public EventType type() {
        return EventType.RUN_VERDICT;
    }
}
