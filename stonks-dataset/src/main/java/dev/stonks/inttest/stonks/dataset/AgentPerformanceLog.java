package dev.stonks.inttest.stonks.dataset;

import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code agent_performance_logs}: one variant's trading day (accuracy 0..1 with 3 decimals, pnl in cents). */
public record AgentPerformanceLog(UUID variantId, LocalDate day, int decisions, double accuracy, double pnl,
        int avgLatencyMs) {

    public AgentPerformanceLog {
        Checks.required(variantId, "variantId");
        Checks.required(day, "day");
        Checks.atLeast(decisions, 0, "decisions");
        Checks.between(accuracy, 0, 1, "accuracy");
        Checks.atLeast(avgLatencyMs, 0, "avgLatencyMs");
    }
}
