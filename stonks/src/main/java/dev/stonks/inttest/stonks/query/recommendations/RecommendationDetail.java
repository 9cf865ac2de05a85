package dev.stonks.inttest.stonks.query.recommendations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/recommendations/{id}}: the recommendation and its citations (oldest document first). */
public record RecommendationDetail(UUID id, UUID companyId, String ticker, UUID trendWindowId, String action,
        double conviction, double targetPrice, String rationale, String status, Instant createdAt, Instant closedAt,
        List<Citation> citations) {

    /** A sentence quoted verbatim from a document. */
    public record Citation(UUID id, UUID documentId, String title, Instant publishedAt, String quote) {
    }
}
