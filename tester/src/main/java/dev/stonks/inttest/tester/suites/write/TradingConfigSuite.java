package dev.stonks.inttest.tester.suites.write;

import static dev.stonks.inttest.tester.suites.Fields.bool;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.TradingEngineConfig;
import dev.stonks.inttest.tester.runner.Mutating;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * trading: {@code PUT /api/trading/config} stores the engine configuration and writes the kill switch through to the
 * engine state; invalid bodies are refused naming the field. Every test puts the seeded configuration back, so the
 * suites after it see the seeded engine. The mode stays paper: a test sandbox never trades live.
 */
@Mutating
public class TradingConfigSuite extends StonksSuite {

    @Test
    void aNewConfigIsStoredAndReachesTheEngineStateThenTheSeededOneIsBack() {
        TradingEngineConfig seeded = DATA.engineConfig();
        String otherStrategy = "sma_cross".equals(seeded.strategy()) ? "buy_hold" : "sma_cross";
        try {
            // When
            JsonNode updated = trading().put("/api/trading/config").json(body(seeded.mode(), true,
                    seeded.maxDailyOrders() + 7, seeded.maxOrderQuantity() + 11, otherStrategy, "inttest")).send()
                    .json(200);

            // Then
            assertThat(integer(updated, "max_daily_orders")).isEqualTo(seeded.maxDailyOrders() + 7);
            JsonNode stored = trading().get("/api/trading/config").json(200);
            assertThat(integer(stored, "max_daily_orders")).isEqualTo(seeded.maxDailyOrders() + 7);
            assertThat(integer(stored, "max_order_quantity")).isEqualTo(seeded.maxOrderQuantity() + 11);
            assertThat(text(stored, "strategy")).isEqualTo(otherStrategy);
            assertThat(text(stored, "updated_by")).isEqualTo("inttest");
            assertThat(bool(stored, "kill_switch")).isTrue();
            JsonNode status = trading().get("/api/trading/status").json(200);
            assertThat(bool(status, "kill_switch")).as("written through to the engine state").isTrue();
        } finally {
            restore(seeded);
        }
        assertSeeded(seeded);
    }

    @Test
    void anInvalidConfigIsRefusedNamingTheFieldAndChangesNothing() {
        TradingEngineConfig seeded = DATA.engineConfig();
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("max_daily_orders", body(seeded.mode(), false, 0, seeded.maxOrderQuantity(), seeded.strategy(), "x"));
        bad.put("max_order_quantity", body(seeded.mode(), false, seeded.maxDailyOrders(), 1_000_001,
                seeded.strategy(), "x"));
        bad.put("strategy", body(seeded.mode(), false, seeded.maxDailyOrders(), seeded.maxOrderQuantity(), "yolo",
                "x"));
        bad.put("mode", body("moon", false, seeded.maxDailyOrders(), seeded.maxOrderQuantity(), seeded.strategy(),
                "x"));
        try {
            bad.forEach((field, body) -> Problems.assertProblem(trading().put("/api/trading/config").json(body)
                    .send(), 400, field));
            Problems.assertProblem(trading().put("/api/trading/config").rawJson("{\"mode\": ").send(), 400,
                    "malformed JSON");
        } finally {
            // only reached with a change when the service accepted a bad body; put the seeded engine back then too
            if (!matchesSeeded(seeded)) {
                restore(seeded);
                assertThat(false).as("an invalid config was stored").isTrue();
            }
        }
        assertSeeded(seeded);
    }

    /**
     * Puts the seeded configuration back. Repeatable: sent again after the tests it leaves every setting as they left
     * it (only updated_at moves, which no test reads), so the profiler may measure it; the changing PUTs are not.
     */
    private void restore(TradingEngineConfig seeded) {
        trading().put("/api/trading/config").repeatable().json(body(seeded.mode(), seeded.killSwitch(), seeded.maxDailyOrders(),
                seeded.maxOrderQuantity(), seeded.strategy(), seeded.updatedBy())).send().json(200);
    }

    private boolean matchesSeeded(TradingEngineConfig seeded) {
        JsonNode c = trading().get("/api/trading/config").json(200);
        return text(c, "mode").equals(seeded.mode()) && bool(c, "kill_switch") == seeded.killSwitch()
                && integer(c, "max_daily_orders") == seeded.maxDailyOrders()
                && integer(c, "max_order_quantity") == seeded.maxOrderQuantity()
                && text(c, "strategy").equals(seeded.strategy());
    }

    private void assertSeeded(TradingEngineConfig seeded) {
        assertThat(matchesSeeded(seeded)).as("the seeded config is back").isTrue();
        JsonNode status = trading().get("/api/trading/status").json(200);
        assertThat(text(status, "mode")).isEqualTo(seeded.mode());
        assertThat(bool(status, "kill_switch")).isEqualTo(seeded.killSwitch());
    }

    private static Map<String, Object> body(String mode, boolean killSwitch, long maxDailyOrders,
            long maxOrderQuantity, String strategy, String updatedBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode);
        body.put("kill_switch", killSwitch);
        body.put("max_daily_orders", maxDailyOrders);
        body.put("max_order_quantity", maxOrderQuantity);
        body.put("strategy", strategy);
        body.put("updated_by", updatedBy);
        return body;
    }
}
