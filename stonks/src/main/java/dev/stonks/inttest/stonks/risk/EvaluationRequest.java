package dev.stonks.inttest.stonks.risk;

import dev.stonks.inttest.stonks.web.Bodies;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/risk/evaluate}: {@code company_id}, {@code side} buy|sell, {@code quantity} 1..1,000,000,
 * optional {@code limit_price} (0 < p <= 1,000,000, 4 decimals; else the last close is the price).
 */
public record EvaluationRequest(String companyId, String side, Long quantity, BigDecimal limitPrice) {

    public static final long MAX_QUANTITY = 1_000_000;
    public static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

    public Valid validated() {
        UUID company = Bodies.uuid("company_id", companyId);
        Bodies.oneOf("side", side, List.of("buy", "sell"));
        int qty = (int) Bodies.between("quantity", quantity, 1, MAX_QUANTITY);
        BigDecimal price = limitPrice == null ? null : Bodies.positive("limit_price", limitPrice, MAX_PRICE, 4);
        return new Valid(company, side, qty, price);
    }

    public record Valid(UUID companyId, String side, int quantity, BigDecimal limitPrice) {
    }
}
