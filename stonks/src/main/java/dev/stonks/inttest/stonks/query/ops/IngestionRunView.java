package dev.stonks.inttest.stonks.query.ops;

import java.time.Instant;
import java.util.UUID;

/** One ingestion run with its source and company; {@code finishedAt} null while running. */
public record IngestionRunView(UUID id, UUID sourceId, String sourceKind, UUID companyId, String ticker,
        String status, Instant startedAt, Instant finishedAt, int documentsIngested, String error) {
}
