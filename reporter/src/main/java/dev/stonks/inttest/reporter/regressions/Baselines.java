package dev.stonks.inttest.reporter.regressions;

import java.time.Instant;
import java.util.List;

/** Where the earlier runs a run is compared with come from (the history). */
@FunctionalInterface
public interface Baselines {

    /**
     * The newest {@code limit} runs that passed (exit 0, not cancelled) of {@code target} with
     * {@code seedFingerprint}, completed before {@code before}, other than {@code runId}; newest first. Throws when
     * the history cannot be read.
     */
    List<BaselineRun> find(String target, String seedFingerprint, String runId, Instant before, int limit);

    /** No history to compare with (e.g. a results document assembled outside the reporter's service). */
    Baselines NONE = (target, seedFingerprint, runId, before, limit) -> {
        throw new IllegalStateException("no run history");
    };
}
