package dev.stonks.inttest.stonks;

import static dev.stonks.inttest.stonks.Api.get;
import static dev.stonks.inttest.stonks.Api.json;
import static dev.stonks.inttest.stonks.Api.post;
import static dev.stonks.inttest.stonks.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.testing.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What writes in risk and trading: evaluations, approvals, paper orders through risk (trading -> risk over HTTP),
 * positions, the kill switch and the engine config. On a company the test registers, so the seeded companies keep
 * their values (the portfolio total moves a little, which is why this class runs last).
 */
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradingFlowIT {

    private static String company;

    @BeforeAll
    static void company() {
        StonksSandbox.get();
        company = RegistryCrudIT.createCompany("ZZTRD");
    }

    private static String evaluate(String side, int quantity, String price) {
        return "{\"company_id\": \"" + company + "\", \"side\": \"" + side + "\", \"quantity\": " + quantity
                + (price == null ? "" : ", \"limit_price\": " + price) + "}";
    }

    private static String order(String side, int quantity, String price, String clientOrderId) {
        return "{\"company_id\": \"" + company + "\", \"side\": \"" + side + "\", \"quantity\": " + quantity
                + (price == null ? "" : ", \"order_type\": \"limit\", \"limit_price\": " + price)
                + (clientOrderId == null ? "" : ", \"client_order_id\": \"" + clientOrderId + "\"") + "}";
    }

    @Test
    @Order(1)
    void riskApprovesNeedsApprovalAndRejects() {
        JsonNode small = post("risk", "/api/risk/evaluate", evaluate("buy", 10, "100"), 201);
        assertEquals("approve", small.get("decision").asText());
        assertEquals(0, small.get("reasons").size());
        assertEquals(1000.0, small.get("notional").asDouble());
        assertEquals(small, get("risk", "/api/risk/evaluations/" + small.get("id").asText()));

        JsonNode large = post("risk", "/api/risk/evaluate", evaluate("buy", 600, "100"), 201);
        assertEquals("needs_approval", large.get("decision").asText());
        assertEquals("approval_threshold", large.get("reasons").get(0).asText());
        assertEquals("pending", large.get("approval_status").asText());
        String approval = large.get("approval_id").asText();
        assertTrue(get("risk", "/api/risk/approvals?status=pending").findValuesAsText("id").contains(approval));

        JsonNode approved = post("risk", "/api/risk/approvals/" + approval + "/approve",
                "{\"decided_by\": \"it@stonks.dev\", \"note\": \"fine\"}", 200);
        assertEquals("approved", approved.get("status").asText());
        assertEquals("it@stonks.dev", approved.get("decided_by").asText());
        problem("POST", "risk", "/api/risk/approvals/" + approval + "/reject", null, 409);

        JsonNode shortSale = post("risk", "/api/risk/evaluate", evaluate("sell", 5, "100"), 201);
        assertEquals("reject", shortSale.get("decision").asText());
        assertEquals(List.of("short_sale"), Api.JSON.convertValue(shortSale.get("reasons"), List.class));
        // no bars and no limit price: risk cannot price the order
        problem("POST", "risk", "/api/risk/evaluate", evaluate("buy", 1, null), 400);
    }

    @Test
    @Order(2)
    void aPaperOrderGoesThroughRiskAndMovesThePosition() {
        JsonNode placed = post("trading", "/api/trading/orders", order("buy", 10, "100", "it-flow-1"), 201);

        JsonNode order = placed.get("order");
        assertEquals("filled", order.get("status").asText());
        assertEquals("paper", order.get("mode").asText());
        assertEquals(100.0, order.get("fill_price").asDouble());
        assertEquals("approve", placed.get("risk").get("decision").asText());
        assertEquals(order.get("risk_evaluation_id"), placed.get("risk").get("evaluation_id"));
        assertEquals("ZZTRD", get("risk", "/api/risk/evaluations/" + placed.get("risk").get("evaluation_id")
                .asText()).get("ticker").asText(), "risk recorded the evaluation trading asked for");
        assertEquals(order, get("trading", "/api/trading/orders/" + order.get("id").asText()));
        JsonNode position = get("trading", "/api/trading/positions?company_id=" + company).get(0);
        assertEquals(10, position.get("quantity").asInt());
        assertEquals(100.0, position.get("avg_cost").asDouble());

        JsonNode sold = post("trading", "/api/trading/orders", order("sell", 4, "110", null), 201);
        assertEquals("filled", sold.get("order").get("status").asText());
        JsonNode after = get("trading", "/api/trading/positions?company_id=" + company).get(0);
        assertEquals(6, after.get("quantity").asInt());
        assertEquals(100.0, after.get("avg_cost").asDouble());
        assertEquals(sold.get("order").get("id").asText(), BadInputIT.engineHash().get("last_order_id"),
                "the engine's live state in Redis notes the last order");

        // risk's 400 (no price for a market order on a company without bars) comes back through trading
        Map<String, String> before = StonksSandbox.get().fingerprint();
        problem("POST", "trading", "/api/trading/orders", order("buy", 1, null, null), 400);
        assertEquals(before.get("orders"), StonksSandbox.get().fingerprint().get("orders"));
    }

    @Test
    @Order(3)
    void aRepeatedClientOrderIdIsAConflictAndWritesNothing() {
        Map<String, String> before = StonksSandbox.get().fingerprint();

        problem("POST", "trading", "/api/trading/orders", order("buy", 1, "100", "it-flow-1"), 409);

        assertEquals(before, StonksSandbox.get().fingerprint());
    }

    @Test
    @Order(4)
    void aLargeOrderWaitsForTheRiskDesk() {
        JsonNode placed = post("trading", "/api/trading/orders", order("buy", 600, "100", "it-flow-2"), 201);

        assertEquals("pending_approval", placed.get("order").get("status").asText());
        String evaluation = placed.get("risk").get("evaluation_id").asText();
        String approval = get("risk", "/api/risk/evaluations/" + evaluation).get("approval_id").asText();
        JsonNode rejected = post("risk", "/api/risk/approvals/" + approval + "/reject", null, 200);
        assertEquals("rejected", rejected.get("status").asText());
        assertEquals("rejected", get("trading", "/api/trading/orders/" + placed.get("order").get("id").asText())
                .get("status").asText(), "risk's decision moved the order");
        assertEquals(6, get("trading", "/api/trading/positions?company_id=" + company).get(0).get("quantity")
                .asInt());
    }

    @Test
    @Order(5)
    void theKillSwitchHaltsTheEngineAndRiskRejects() {
        JsonNode halted = post("trading", "/api/trading/kill-switch", "{\"active\": true, \"reason\": \"drill\"}",
                200);
        assertTrue(halted.get("kill_switch").asBoolean());
        assertEquals("halted", halted.get("engine_state").asText());
        assertEquals("true", BadInputIT.engineHash().get("kill_switch"));
        assertTrue(get("trading", "/api/trading/config").get("kill_switch").asBoolean());

        JsonNode refused = post("trading", "/api/trading/orders", order("buy", 1, "100", null), 201);
        assertEquals("rejected", refused.get("order").get("status").asText());
        assertTrue(refused.get("risk").get("reasons").toString().contains("kill_switch"), refused.toString());

        JsonNode released = post("trading", "/api/trading/kill-switch", "{\"active\": false}", 200);
        assertEquals("idle", released.get("engine_state").asText());
        assertEquals("false", BadInputIT.engineHash().get("kill_switch"));
    }

    @Test
    @Order(6)
    void theEngineConfigIsReplacedAndWrittenThrough() {
        JsonNode changed = json("PUT", "trading", "/api/trading/config", "{\"mode\": \"paper\", \"max_daily_orders\": "
                + "41, \"max_order_quantity\": 4000, \"strategy\": \"buy_hold\", \"updated_by\": \"it\"}", 200);

        assertEquals(41, changed.get("max_daily_orders").asInt());
        assertEquals("buy_hold", get("trading", "/api/trading/config").get("strategy").asText());
        assertEquals("it", changed.get("updated_by").asText());
        problem("POST", "trading", "/api/trading/orders", order("buy", 4001, "1", null), 400);

        json("PUT", "trading", "/api/trading/config", "{\"mode\": \"paper\", \"max_daily_orders\": 40, "
                + "\"max_order_quantity\": 5000, \"strategy\": \"sma_cross\"}", 200);
        assertEquals("paper", get("trading", "/api/trading/status").get("mode").asText());
    }

    @Test
    @Order(7)
    void aCompanyWithTradingHistoryCannotBeDeleted() {
        problem("DELETE", "registry", "/api/registry/companies/" + company, null, 409);
    }

    @Test
    @Order(8)
    void withRiskUnreachableNoOrderIsPlaced() throws Exception {
        // Given a trading service whose risk URL is a port nothing listens on
        int port = FreePorts.find();
        Map<String, String> env = StonksSandbox.get().env("trading", port);
        env.put("STONKS_RISK_URL", "http://127.0.0.1:" + FreePorts.find());
        try (StonksProcess trading = StonksProcess.start("trading-no-risk", port, env)) {
            trading.awaitStatus(StonksSandbox.HTTP, "/q/health/ready", 200, Duration.ofSeconds(90));
            Map<String, String> before = StonksSandbox.get().fingerprint();

            // When
            java.net.http.HttpResponse<String> response = StonksSandbox.HTTP.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(trading.baseUrl() + "/api/trading/orders"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(order("buy", 1, "100", null))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            // Then
            assertEquals(503, response.statusCode(), response.body());
            assertEquals(503, Api.parse(response.body()).get("status").asInt());
            assertEquals(before, StonksSandbox.get().fingerprint());
            assertEquals("down", Api.parse(StonksSandbox.HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(trading.baseUrl() + "/api/trading/status")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("risk").get("status").asText());
        }
    }
}
