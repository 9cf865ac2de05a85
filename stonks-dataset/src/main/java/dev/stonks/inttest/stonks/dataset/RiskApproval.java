package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code risk_approvals}: a human decision on a needs_approval evaluation; status pending|approved|rejected. */
public record RiskApproval(UUID id, UUID evaluationId, String status, Instant requestedAt, Instant decidedAt,
        String decidedBy, String note) {

    public RiskApproval {
        Checks.required(id, "id");
        Checks.required(evaluationId, "evaluationId");
        Checks.oneOf(status, "status", "pending", "approved", "rejected");
        Checks.required(requestedAt, "requestedAt");
        if ("pending".equals(status) != (decidedAt == null)) {
            throw new IllegalArgumentException("approval " + id + ": decided_at exactly when decided");
        }
    }
}
