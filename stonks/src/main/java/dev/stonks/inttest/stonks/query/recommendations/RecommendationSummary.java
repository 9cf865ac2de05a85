package dev.stonks.inttest.stonks.query.recommendations;

import java.time.Instant;
import java.util.UUID;

/** A recommendation in lists: action buy|sell|hold, conviction 0..1, status open|closed ({@code closedAt} when closed). */
public record RecommendationSummary(UUID id, UUID companyId, String ticker, UUID trendWindowId, String action,
        double conviction, double targetPrice, String rationale, String status, Instant createdAt, Instant closedAt,
        int citationCount) {
}
