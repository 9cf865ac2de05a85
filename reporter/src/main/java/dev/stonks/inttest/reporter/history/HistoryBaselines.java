package dev.stonks.inttest.reporter.history;

import dev.stonks.inttest.reporter.regressions.BaselineRun;
import dev.stonks.inttest.reporter.regressions.Baselines;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The baseline runs from the history, read from blocking code (the verdict publisher); throws when it fails. */
@ApplicationScoped
public class HistoryBaselines implements Baselines {
    private final HistoryReads reads;
    private final HistoryWriter writer;

    public HistoryBaselines(HistoryReads reads, HistoryWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public List<BaselineRun> find(String target, String seedFingerprint, String runId, Instant before, int limit) {
        return writer.read(() -> reads.baseline(target, seedFingerprint, runId, before, limit));
    }
}
