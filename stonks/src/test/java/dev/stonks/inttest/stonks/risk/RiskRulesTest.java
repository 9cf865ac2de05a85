package dev.stonks.inttest.stonks.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

    private static final RiskLimits LIMITS = RiskLimits.of(List.of(
            limit("max_position_notional", "250000"), limit("max_order_notional", "100000"),
            limit("max_concentration", "0.25"), limit("approval_threshold_notional", "50000")));

    private static RiskLimits.Limit limit(String name, String value) {
        return new RiskLimits.Limit(name, new BigDecimal(value), name, null);
    }

    private static RiskRules.Outcome evaluate(boolean kill, String side, int qty, String price, int held,
            String total) {
        return RiskRules.evaluate(new RiskRules.Order(kill, side, qty, new BigDecimal(price), held,
                new BigDecimal(price), new BigDecimal(total)), LIMITS);
    }

    @Test
    void aSmallOrderIsApproved() {
        RiskRules.Outcome outcome = evaluate(false, "buy", 10, "100", 0, "1000000");

        assertEquals("approve", outcome.decision());
        assertEquals(List.of(), outcome.reasons());
        assertEquals(new BigDecimal("1000.00"), outcome.notional());
    }

    @Test
    void anOrderAboveTheThresholdNeedsApproval() {
        RiskRules.Outcome outcome = evaluate(false, "buy", 600, "100", 0, "1000000");

        assertEquals("needs_approval", outcome.decision());
        assertEquals(List.of("approval_threshold"), outcome.reasons());
    }

    @Test
    void everyFailingRuleIsAReason() {
        assertEquals(List.of("kill_switch"), evaluate(true, "buy", 1, "100", 0, "1000000").reasons());
        assertEquals(List.of("notional"), evaluate(false, "sell", 1001, "100", 2000, "1000000").reasons());
        assertEquals(List.of("short_sale"), evaluate(false, "sell", 11, "100", 10, "1000000").reasons());
        // 2,400 held + 200 bought at 100 = 260,000 > 250,000, and 26 % of 1,000,000 > 25 %
        assertEquals(List.of("position_limit", "concentration"),
                evaluate(false, "buy", 200, "100", 2400, "1000000").reasons());
        assertEquals(List.of("concentration"), evaluate(false, "buy", 10, "100", 0, "3000").reasons());
        assertEquals("reject", evaluate(true, "buy", 1, "100", 0, "1000000").decision());
    }

    @Test
    void limitsAreInclusive() {
        // exactly at the order limit and the position limit: allowed (needs approval above 50,000)
        RiskRules.Outcome outcome = evaluate(false, "buy", 1000, "100", 1500, "1000000");

        assertEquals("needs_approval", outcome.decision());
    }
}
