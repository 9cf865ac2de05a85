package dev.stonks.inttest.stonks.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk rules, pure: an order against the limits, the position and the portfolio. Checked in this order, every
 * failing rule is a reason: {@code kill_switch} (engaged), {@code notional} (quantity x price above the order limit),
 * {@code short_sale} (selling more than held), {@code position_limit} (the position after a buy, at the last close,
 * above the position limit), {@code concentration} (that position's share of the portfolio above the limit). No
 * reason: approve, unless the notional is above the approval threshold ({@code approval_threshold}, needs_approval).
 */
public final class RiskRules {

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String NEEDS_APPROVAL = "needs_approval";

    /**
     * @param price      the order's price (its limit price, else the last close)
     * @param held       shares held now
     * @param close      the last close (the price when the company has no bars)
     * @param totalValue cash plus every position at its last close
     */
    public record Order(boolean killSwitch, String side, int quantity, BigDecimal price, int held, BigDecimal close,
            BigDecimal totalValue) {
    }

    public record Outcome(String decision, List<String> reasons, BigDecimal notional) {
    }

    private RiskRules() {
    }

    public static Outcome evaluate(Order order, RiskLimits limits) {
        List<String> reasons = new ArrayList<>();
        BigDecimal notional = order.price().multiply(BigDecimal.valueOf(order.quantity()));
        if (order.killSwitch()) {
            reasons.add("kill_switch");
        }
        if (notional.compareTo(limits.maxOrderNotional()) > 0) {
            reasons.add("notional");
        }
        boolean buy = "buy".equals(order.side());
        if (!buy && order.quantity() > order.held()) {
            reasons.add("short_sale");
        }
        if (buy) {
            BigDecimal after = order.close().multiply(BigDecimal.valueOf((long) order.held() + order.quantity()));
            if (after.compareTo(limits.maxPositionNotional()) > 0) {
                reasons.add("position_limit");
            }
            if (order.totalValue().signum() > 0 && after.divide(order.totalValue(), MathContext.DECIMAL64)
                    .compareTo(limits.maxConcentration()) > 0) {
                reasons.add("concentration");
            }
        }
        String decision = REJECT;
        if (reasons.isEmpty()) {
            if (notional.compareTo(limits.approvalThresholdNotional()) > 0) {
                reasons.add("approval_threshold");
                decision = NEEDS_APPROVAL;
            } else {
                decision = APPROVE;
            }
        }
        return new Outcome(decision, List.copyOf(reasons), notional.setScale(2, java.math.RoundingMode.HALF_UP));
    }
}
