package dev.stonks.inttest.stonks.risk;

import java.math.BigDecimal;

/** The limits orders are evaluated against; {@code source} says where they came from. */
public record RiskLimits(BigDecimal maxPositionNotional, BigDecimal maxOrderNotional, BigDecimal maxConcentration,
        BigDecimal approvalThresholdNotional, String source) {
}
