package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code trend_windows}; {@code confidence} in [0, 1] with 3 decimals. */
public record TrendWindow(UUID id, UUID companyId, Instant windowStart, Instant windowEnd,
        TrendDirection trendDirection, double confidence, String summary, Instant createdAt) {

    public TrendWindow {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.required(windowStart, "windowStart");
        Checks.required(windowEnd, "windowEnd");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("windowEnd must be after windowStart: " + windowStart + " .. " + windowEnd);
        }
        Checks.required(trendDirection, "trendDirection");
        Checks.between(confidence, 0, 1, "confidence");
        Checks.required(summary, "summary");
        Checks.required(createdAt, "createdAt");
    }

    /** Whether {@code instant} lies in [windowStart, windowEnd). */
    public boolean contains(Instant instant) {
        return !instant.isBefore(windowStart) && instant.isBefore(windowEnd);
    }
}
