package dev.stonks.inttest.stonks.query.trends;

import java.util.UUID;

/** A projected return band over {@code horizonDays}; returns are fractions (0.0425 = +4.25 %). */
public record TrendProjectionView(UUID id, int horizonDays, double expectedReturn, double low, double high) {
}
