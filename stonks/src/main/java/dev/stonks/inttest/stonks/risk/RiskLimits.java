package dev.stonks.inttest.stonks.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The limits orders are evaluated against ({@code risk_limits}; {@code source} = database), flattened by name and
 * listed with their descriptions.
 */
public record RiskLimits(BigDecimal maxPositionNotional, BigDecimal maxOrderNotional, BigDecimal maxConcentration,
        BigDecimal approvalThresholdNotional, String source, Instant updatedAt, List<Limit> limits) {

    public record Limit(String name, BigDecimal value, String description, Instant updatedAt) {
    }

    /** The names the rules need; a database without one of them cannot evaluate orders. */
    static final List<String> REQUIRED = List.of("max_position_notional", "max_order_notional", "max_concentration",
            "approval_threshold_notional");

    static RiskLimits of(List<Limit> limits) {
        java.util.Map<String, BigDecimal> byName = new java.util.HashMap<>();
        limits.forEach(l -> byName.put(l.name(), l.value()));
        for (String name : REQUIRED) {
            if (!byName.containsKey(name)) {
                throw new IllegalStateException("risk limit '" + name + "' is missing from risk_limits");
            }
        }
        Instant updated = limits.stream().map(Limit::updatedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return new RiskLimits(byName.get("max_position_notional"), byName.get("max_order_notional"),
                byName.get("max_concentration"), byName.get("approval_threshold_notional"), "database", updated,
                List.copyOf(limits));
    }
}
