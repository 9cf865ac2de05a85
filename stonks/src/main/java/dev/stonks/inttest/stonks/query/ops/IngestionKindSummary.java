package dev.stonks.inttest.stonks.query.ops;

/**
 * Ingestion of one source kind: its sources, their runs by status, documents the runs reported, documents in the
 * database from those sources, and the newest run (null if none).
 */
public record IngestionKindSummary(String kind, long sources, long activeSources, long runs, long succeeded,
        long failed, long running, long documentsIngested, long documents, IngestionRunView lastRun) {
}
