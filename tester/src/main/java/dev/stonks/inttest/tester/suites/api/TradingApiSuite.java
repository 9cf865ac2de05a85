package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.bool;
import static dev.stonks.inttest.tester.suites.Fields.object;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.tester.suites.StonksSuite;
import org.junit.jupiter.api.Test;

/** trading: {@code GET /api/trading/status} (engine state from Redis, and its call to risk). */
public class TradingApiSuite extends StonksSuite {

    @Test
    void aSandboxTradesOnPaperAndReachesRisk() {
        JsonNode body = trading().get("/api/trading/status").json(200);

        // a test sandbox must never trade live
        assertThat(text(body, "mode")).as("trading mode").isEqualTo("paper");
        assertThat(bool(body, "kill_switch")).as("kill_switch").isFalse();
        assertThat(text(body, "engine_state")).as("engine_state").isIn("idle", "running", "halted");
        // every order goes through risk: the service-to-service call must work in the sandbox
        assertThat(text(object(body, "risk"), "status")).as("risk as seen from trading, in %s", body)
                .isEqualTo("up");
    }
}
