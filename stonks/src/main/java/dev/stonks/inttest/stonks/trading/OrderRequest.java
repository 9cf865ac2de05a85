package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Bodies;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Body of {@code POST /api/trading/orders}: company_id, side buy|sell, quantity 1..1,000,000, order_type market
 * (default) | limit, limit_price (exactly for limit orders; 0 < p <= 1,000,000, 4 decimals), optional
 * client_order_id (1..64 of letters, digits, '.', '_', '-': a repeat is a 409) and recommendation_id.
 */
public record OrderRequest(String companyId, String side, Long quantity, String orderType, BigDecimal limitPrice,
        String clientOrderId, String recommendationId) {

    static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Valid validated() {
        UUID company = Bodies.uuid("company_id", companyId);
        Bodies.oneOf("side", side, List.of("buy", "sell"));
        int qty = (int) Bodies.between("quantity", quantity, 1, 1_000_000);
        String type = orderType == null ? "market" : Bodies.oneOf("order_type", orderType, List.of("market", "limit"));
        BigDecimal price = null;
        if (type.equals("limit")) {
            price = Bodies.positive("limit_price", limitPrice, BigDecimal.valueOf(1_000_000), 4);
        } else if (limitPrice != null) {
            throw ApiException.badRequest("field 'limit_price' is only allowed with order_type 'limit'");
        }
        String client = clientOrderId == null ? null
                : Bodies.matching("client_order_id", clientOrderId, CLIENT_ORDER_ID,
                        "1 to 64 letters, digits, '.', '_' or '-'");
        UUID recommendation = recommendationId == null ? null : Bodies.uuid("recommendation_id", recommendationId);
        return new Valid(company, side, qty, type, price, client, recommendation);
    }

    public record Valid(UUID companyId, String side, int quantity, String orderType, BigDecimal limitPrice,
            String clientOrderId, UUID recommendationId) {
    }
}
