package dev.stonks.inttest.stonks.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A daily portfolio snapshot: {@code totalValue} = cash + positions value. */
public record SnapshotView(UUID id, Instant takenAt, BigDecimal cash, BigDecimal positionsValue,
        BigDecimal totalValue) {
}
