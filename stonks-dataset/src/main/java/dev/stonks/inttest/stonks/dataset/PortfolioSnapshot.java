package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code portfolio_snapshots}, at a day's close: cash, the positions at that day's closes, and their sum
 * (exact in cents).
 */
public record PortfolioSnapshot(UUID id, Instant takenAt, double cash, double positionsValue, double totalValue) {

    public PortfolioSnapshot {
        Checks.required(id, "id");
        Checks.required(takenAt, "takenAt");
    }
}
