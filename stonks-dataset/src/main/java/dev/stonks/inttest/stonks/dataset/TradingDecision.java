package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code trading_decisions}: what the engine decided about a signal, execute|skip|defer, and why. An execute
 * decision names its order; {@code auditObjectKey} is the day's audit report (the last
 * {@link StonksDataset#AUDIT_DAYS} trading days only).
 */
public record TradingDecision(UUID id, UUID companyId, UUID agentVariantId, UUID recommendationId, UUID orderId,
        String action, String reason, Instant decidedAt, String auditObjectKey) {

    public TradingDecision {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.oneOf(action, "action", "execute", "skip", "defer");
        Checks.nonBlank(reason, "reason");
        Checks.required(decidedAt, "decidedAt");
        if (!"execute".equals(action) && orderId != null) {
            throw new IllegalArgumentException("decision " + id + ": only execute decisions have an order");
        }
    }
}
