package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.web.Bodies;
import java.util.List;

/**
 * Body of {@code PUT /api/trading/config}: mode, max_daily_orders 1..10,000, max_order_quantity 1..1,000,000,
 * strategy sma_cross|buy_hold (all required); kill_switch and updated_by optional (unchanged / "api").
 */
public record EngineConfigInput(String mode, Boolean killSwitch, Long maxDailyOrders, Long maxOrderQuantity,
        String strategy, String updatedBy) {

    public EngineConfigInput validated() {
        return new EngineConfigInput(Bodies.oneOf("mode", mode, List.of("paper", "live")), killSwitch,
                Bodies.between("max_daily_orders", maxDailyOrders, 1, 10_000),
                Bodies.between("max_order_quantity", maxOrderQuantity, 1, 1_000_000),
                Bodies.oneOf("strategy", strategy, List.of("sma_cross", "buy_hold")),
                updatedBy == null ? "api" : Bodies.text("updated_by", updatedBy, 200));
    }
}
