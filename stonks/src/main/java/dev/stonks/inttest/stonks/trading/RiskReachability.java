package dev.stonks.inttest.stonks.trading;

/** Whether the risk service (which every order goes through) answers its readiness check. */
public record RiskReachability(String url, String status, Long latencyMs, String detail) {
}
