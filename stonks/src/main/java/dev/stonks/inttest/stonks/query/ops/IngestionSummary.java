package dev.stonks.inttest.stonks.query.ops;

import java.util.List;

/** {@code GET /api/ops/ingestion/summary}: totals, the newest run, and one entry per source kind. */
public record IngestionSummary(long sources, long activeSources, long runs, long succeeded, long failed,
        long running, long documentsIngested, long documents, IngestionRunView lastRun,
        List<IngestionKindSummary> byKind) {

    public static IngestionSummary of(List<IngestionKindSummary> kinds, IngestionRunView lastRun) {
        return new IngestionSummary(
                kinds.stream().mapToLong(IngestionKindSummary::sources).sum(),
                kinds.stream().mapToLong(IngestionKindSummary::activeSources).sum(),
                kinds.stream().mapToLong(IngestionKindSummary::runs).sum(),
                kinds.stream().mapToLong(IngestionKindSummary::succeeded).sum(),
                kinds.stream().mapToLong(IngestionKindSummary::failed).sum(),
                kinds.stream().mapToLong(IngestionKindSummary::running).sum(),
                kinds.stream().mapToLong(IngestionKindSummary::documentsIngested).sum(),
                kinds.stream().mapToLong(IngestionKindSummary::documents).sum(),
                lastRun, List.copyOf(kinds));
    }
}
