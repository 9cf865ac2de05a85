package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** The one row of {@code trading_engine_config}: mode paper|live, kill switch, engine limits, strategy. */
public record TradingEngineConfig(UUID id, String mode, boolean killSwitch, int maxDailyOrders, int maxOrderQuantity,
        String strategy, Instant updatedAt, String updatedBy) {

    public TradingEngineConfig {
        Checks.required(id, "id");
        Checks.oneOf(mode, "mode", "paper", "live");
        Checks.atLeast(maxDailyOrders, 1, "maxDailyOrders");
        Checks.atLeast(maxOrderQuantity, 1, "maxOrderQuantity");
        Checks.oneOf(strategy, "strategy", "sma_cross", "buy_hold");
        Checks.required(updatedAt, "updatedAt");
        Checks.nonBlank(updatedBy, "updatedBy");
    }
}
