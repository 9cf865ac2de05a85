package dev.stonks.inttest.stonks.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A position valued at the company's last close ({@code lastClose} of {@code lastCloseDay}; null without bars):
 * {@code marketValue} = quantity x close, {@code unrealizedPnl} = quantity x (close - avg cost), both in cents.
 */
public record PositionView(UUID id, UUID companyId, String ticker, int quantity, BigDecimal avgCost,
        BigDecimal lastClose, LocalDate lastCloseDay, BigDecimal marketValue, BigDecimal unrealizedPnl,
        Instant openedAt, Instant updatedAt) {
}
