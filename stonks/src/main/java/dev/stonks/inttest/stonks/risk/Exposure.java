package dev.stonks.inttest.stonks.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/risk/exposure}: cash (the newest portfolio snapshot's), positions at their last close, and per
 * company its notional, its share of the total ({@code concentration}, 6 decimals) and the room left under the
 * position limit.
 */
public record Exposure(BigDecimal cash, BigDecimal positionsValue, BigDecimal totalValue,
        BigDecimal maxPositionNotional, BigDecimal maxConcentration, List<CompanyExposure> companies) {

    public record CompanyExposure(UUID companyId, String ticker, int quantity, BigDecimal lastClose,
            BigDecimal notional, BigDecimal concentration, BigDecimal positionHeadroom) {
    }
}
