package dev.stonks.inttest.reporter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The highest attempt of each run whose verdict is on inttest.verdicts: read from the log at start-up and kept up
 * by this reporter's own verdicts. The one record of what was published, so that no run gets a second verdict for an
 * attempt, across restarts.
 */
@ApplicationScoped
public class VerdictLedger {
    private final ConcurrentMap<String, Integer> published = new ConcurrentHashMap<>();

    void record(String runId, int attempt) {
        published.merge(runId, attempt, Math::max);
    }

    /** Claims the verdict of {@code attempt}: true once, when no verdict of it (or a later attempt) exists yet. */
    boolean claim(String runId, int attempt) {
        boolean[] claimed = {false};
        published.compute(runId, (id, before) -> {
            claimed[0] = before == null || before < attempt;
            return claimed[0] ? attempt : before;
        });
        return claimed[0];
    }

    /** The highest attempt with a verdict, 0 when none. */
    int published(String runId) {
        return published.getOrDefault(runId, 0);
    }
}
