package dev.stonks.inttest.stonks.trading;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/trading/orders}: the order as stored and what risk decided about it. */
public record PlacedOrder(OrderView order, Risk risk) {

    public record Risk(UUID evaluationId, String decision, List<String> reasons) {
    }
}
