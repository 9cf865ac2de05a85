package dev.stonks.inttest.stonks.query.agents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/agents/{id}/performance?from&to}: per variant, totals over the days (inclusive), and the daily logs
 * (by day, then variant name).
 */
public record AgentPerformance(UUID agentId, LocalDate from, LocalDate to, List<VariantTotals> variants,
        List<DailyLog> logs) {

    public record VariantTotals(UUID variantId, String name, boolean champion, int days, long decisions,
            BigDecimal avgAccuracy, BigDecimal totalPnl) {
    }

    public record DailyLog(UUID variantId, String variant, LocalDate day, int decisions, double accuracy,
            BigDecimal pnl, int avgLatencyMs) {
    }
}
