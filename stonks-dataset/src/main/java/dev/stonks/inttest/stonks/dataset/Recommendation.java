package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code recommendations}: action buy|sell|hold, conviction 0..1, target price (2 decimals), status
 * open|closed ({@code closedAt} exactly when closed).
 */
public record Recommendation(UUID id, UUID companyId, UUID trendWindowId, String action, double conviction,
        double targetPrice, String rationale, String status, Instant createdAt, Instant closedAt) {

    public Recommendation {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.oneOf(action, "action", "buy", "sell", "hold");
        Checks.between(conviction, 0, 1, "conviction");
        Checks.nonBlank(rationale, "rationale");
        Checks.oneOf(status, "status", "open", "closed");
        Checks.required(createdAt, "createdAt");
        if ("closed".equals(status) != (closedAt != null)) {
            throw new IllegalArgumentException("recommendation " + id + ": closed_at exactly when closed");
        }
    }

    public boolean activeAt(Instant instant) {
        return !instant.isBefore(createdAt) && (closedAt == null || instant.isBefore(closedAt));
    }
}
