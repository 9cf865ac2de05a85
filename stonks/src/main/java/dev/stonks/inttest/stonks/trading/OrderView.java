package dev.stonks.inttest.stonks.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order: status pending_approval|approved|filled|rejected|cancelled, mode paper|live. */
public record OrderView(UUID id, UUID companyId, String ticker, String side, int quantity, String orderType,
        BigDecimal limitPrice, String status, String mode, BigDecimal fillPrice, Instant filledAt,
        UUID riskEvaluationId, UUID recommendationId, String clientOrderId, Instant createdAt) {
}
