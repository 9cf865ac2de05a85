package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code intelligence_records}; {@code score} in [-1, 1] with 3 decimals. */
public record IntelligenceRecord(UUID id, UUID documentId, IntelligenceKind kind, double score, String summary,
        Instant createdAt) {

    public IntelligenceRecord {
        Checks.required(id, "id");
        Checks.required(documentId, "documentId");
        Checks.required(kind, "kind");
        Checks.between(score, -1, 1, "score");
        Checks.nonBlank(summary, "summary");
        Checks.required(createdAt, "createdAt");
    }
}
