package dev.stonks.inttest.stonks.query.companies;

import java.time.Instant;
import java.util.UUID;

/** A document in a company's list (details and intelligence records at {@code /api/documents/{id}}). */
public record DocumentSummary(UUID id, UUID sourceId, String sourceKind, String title, Instant publishedAt,
        String sha256, int wordCount) {
}
