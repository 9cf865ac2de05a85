package dev.stonks.inttest.stonks.query.trends;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/trends/{id}}: the window, its evidence (oldest document first) and projections (shortest
 * horizon first).
 */
public record TrendDetail(UUID id, UUID companyId, String ticker, Instant windowStart, Instant windowEnd,
        String trendDirection, double confidence, String summary, Instant createdAt, List<TrendEvidenceView> evidence,
        List<TrendProjectionView> projections) {
}
