package dev.stonks.inttest.stonks.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A risk-desk approval (status pending|approved|rejected) with the order it is about. */
public record ApprovalView(UUID id, UUID evaluationId, String status, Instant requestedAt, Instant decidedAt,
        String decidedBy, String note, UUID companyId, String ticker, String side, int quantity, BigDecimal price,
        BigDecimal notional) {
}
