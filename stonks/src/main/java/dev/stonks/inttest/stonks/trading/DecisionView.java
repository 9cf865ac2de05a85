package dev.stonks.inttest.stonks.trading;

import java.time.Instant;
import java.util.UUID;

/** A trading decision (execute|skip|defer) with its reason, its order's status and its audit report's key. */
public record DecisionView(UUID id, UUID companyId, String ticker, UUID agentVariantId, UUID recommendationId,
        UUID orderId, String orderStatus, String action, String reason, Instant decidedAt, String auditObjectKey) {
}
