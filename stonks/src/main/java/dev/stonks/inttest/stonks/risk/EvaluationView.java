package dev.stonks.inttest.stonks.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A risk evaluation: decision approve|reject|needs_approval with its reasons; {@code approvalId} when one was opened. */
public record EvaluationView(UUID id, UUID companyId, String ticker, String side, int quantity, BigDecimal price,
        BigDecimal notional, String decision, List<String> reasons, Instant evaluatedAt, UUID approvalId,
        String approvalStatus) {
}
