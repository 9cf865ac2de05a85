package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code orders}. {@code side} buy|sell, {@code orderType} market|limit ({@code limitPrice} only for
 * limit), {@code status} pending_approval|approved|filled|rejected|cancelled, {@code mode} paper|live; a filled
 * order has {@code fillPrice} and {@code filledAt}.
 */
public record Order(UUID id, UUID companyId, String side, int quantity, String orderType, Double limitPrice,
        String status, String mode, Double fillPrice, Instant filledAt, UUID riskEvaluationId, UUID recommendationId,
        String clientOrderId, Instant createdAt) {

    public Order {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.oneOf(side, "side", "buy", "sell");
        Checks.atLeast(quantity, 1, "quantity");
        Checks.oneOf(orderType, "orderType", "market", "limit");
        Checks.oneOf(status, "status", "pending_approval", "approved", "filled", "rejected", "cancelled");
        Checks.oneOf(mode, "mode", "paper", "live");
        Checks.required(createdAt, "createdAt");
        if ("filled".equals(status) != (fillPrice != null && filledAt != null)) {
            throw new IllegalArgumentException("order " + id + ": fill price and time exactly when filled");
        }
    }

    public double notional() {
        double price = fillPrice != null ? fillPrice : limitPrice != null ? limitPrice : 0;
        return quantity * price;
    }
}
