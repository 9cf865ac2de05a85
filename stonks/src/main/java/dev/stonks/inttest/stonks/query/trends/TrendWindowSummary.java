package dev.stonks.inttest.stonks.query.trends;

import java.time.Instant;
import java.util.UUID;

/** A trend window in lists. {@code trendDirection}: bullish, bearish or mixed; {@code confidence} in [0, 1]. */
public record TrendWindowSummary(UUID id, UUID companyId, String ticker, Instant windowStart, Instant windowEnd,
        String trendDirection, double confidence, String summary, Instant createdAt, int evidenceCount) {
}
