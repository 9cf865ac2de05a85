package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of a run, from which the results document is assembled; {@code cancel} may be null.
 * {@code stages} holds the latest attempt of each stage, {@code attempts} every attempt (oldest first), and
 * {@code attempt} is the run's attempt (the one a verdict is for).
 */
record RunSnapshot(String runId, RunRequested request, RunContext context, Map<Stage, StageRecord> stages,
        Instant firstSeen, RunCancelRequested cancel, Map<Stage, List<StageRecord>> attempts, int attempt) {

    RunSnapshot(String runId, RunRequested request, RunContext context, Map<Stage, StageRecord> stages,
            Instant firstSeen, RunCancelRequested cancel) {
        this(runId, request, context, stages, firstSeen, cancel, Map.of(),
                stages.values().stream().mapToInt(StageRecord::attempt).max().orElse(1));
    }
}
