package dev.stonks.inttest.stonks.dataset;

import java.util.UUID;

/** A row of {@code trend_projections}; returns are fractions with 4 decimals (0.0425 = +4.25 %). */
public record TrendProjection(UUID id, UUID trendWindowId, int horizonDays, double expectedReturn, double low,
        double high) {

    public TrendProjection {
        Checks.required(id, "id");
        Checks.required(trendWindowId, "trendWindowId");
        Checks.atLeast(horizonDays, 1, "horizonDays");
        if (!(low <= expectedReturn && expectedReturn <= high)) {
            throw new IllegalArgumentException("need low <= expectedReturn <= high: " + low + ", " + expectedReturn
                    + ", " + high);
        }
    }
}
