package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code risk_evaluations}: an order checked against the risk limits. {@code decision}
 * approve|reject|needs_approval; {@code reasons} from {@link #REASONS} (empty when approved).
 */
public record RiskEvaluation(UUID id, UUID companyId, String side, int quantity, double price, double notional,
        String decision, List<String> reasons, Instant evaluatedAt) {

    public static final List<String> REASONS = List.of("kill_switch", "notional", "position_limit", "concentration",
            "short_sale", "approval_threshold");

    public RiskEvaluation {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.oneOf(side, "side", "buy", "sell");
        Checks.atLeast(quantity, 1, "quantity");
        Checks.oneOf(decision, "decision", "approve", "reject", "needs_approval");
        reasons = List.copyOf(reasons);
        Checks.required(evaluatedAt, "evaluatedAt");
    }
}
