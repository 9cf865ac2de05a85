package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import java.time.Instant;
import java.util.Map;

/** An immutable view of a run, from which the results document is assembled; {@code cancel} may be null. */
record RunSnapshot(String runId, RunRequested request, RunContext context, Map<Stage, StageRecord> stages,
        Instant firstSeen, RunCancelRequested cancel) {
}
