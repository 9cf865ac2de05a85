package dev.stonks.inttest.stonks.trading;

import java.time.Instant;

/** {@code GET /api/trading/config}: mode paper|live, kill switch, the engine's own limits and its strategy. */
public record EngineConfigView(String mode, boolean killSwitch, int maxDailyOrders, int maxOrderQuantity,
        String strategy, Instant updatedAt, String updatedBy) {
}
