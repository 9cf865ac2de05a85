package dev.stonks.inttest.stonks.trading;

/** {@code GET /api/trading/status}: the engine state as Redis holds it, and whether risk answers. */
public record TradingStatus(String mode, boolean killSwitch, String engineState, String updatedAt, String stateKey,
        RiskReachability risk) {
}
