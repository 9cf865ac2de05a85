package dev.stonks.inttest.tester.suites.write;

import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.object;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.tester.runner.Mutating;
import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.suites.Fields;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * trading: {@code POST /api/trading/orders}, a paper order that trading sends through risk over HTTP. The round trip
 * sells one share at market and buys it back with a limit at the position's avg_cost, so the seeded position ends
 * exactly where it started, quantity and avg_cost (a later run in the same sandbox checks both); the order that needs
 * approval is approved by the desk and never fills.
 */
@Mutating
public class PaperOrdersSuite extends StonksSuite {

    @Test
    void aSmallMarketOrderGoesThroughRiskAndFillsAtTheLastClose() {
        RiskDesk desk = RiskDesk.roomiest(risk());
        Held before = held(desk.companyId());
        assertThat(before.quantity()).as("the roomiest dataset position has a share to sell: %s", desk)
                .isPositive();
        String clientId = "inttest-" + HexFormat.of().formatHex(randomBytes());

        ApiResponse placed = order(desk.companyId(), "sell", 1, clientId, null);

        JsonNode body = placed.json(201);
        JsonNode order = object(body, "order");
        JsonNode verdict = object(body, "risk");
        try {
            assertThat(text(verdict, "decision")).as("risk's decision").isEqualTo("approve");
            assertThat(text(order, "status")).isEqualTo("filled");
            assertThat(text(order, "mode")).isEqualTo("paper");
            assertThat(number(order, "fill_price")).as("fill price: the last close").isCloseTo(desk.close(),
                    within(1e-6));
            assertThat(text(order, "risk_evaluation_id")).isEqualTo(text(verdict, "evaluation_id"));
            assertThat(text(risk().get("/api/risk/evaluations/{id}", text(verdict, "evaluation_id")).json(200),
                    "decision")).as("the evaluation risk recorded").isEqualTo("approve");
            assertThat(held(desk.companyId())).as("position after the sell: a sale leaves the avg_cost alone")
                    .isEqualTo(new Held(before.quantity() - 1, before.avgCost()));
            assertThat(text(trading().get("/api/trading/orders/{id}", text(order, "id")).json(200), "client_order_id"))
                    .isEqualTo(clientId);
            Problems.assertProblem(order(desk.companyId(), "sell", 1, clientId, null), 409, clientId);
        } finally {
            // bought back at the avg_cost itself, as stonks averages buys: (avg * (q - 1) + avg * 1) / q = avg exactly
            if (order.path("status").asText().equals("filled")) {
                JsonNode back = object(order(desk.companyId(), "buy", 1, null, before.avgCost()).json(201), "order");
                assertThat(text(back, "status")).as("the buy that undoes it").isEqualTo("filled");
            }
        }
        assertThat(held(desk.companyId())).as("the seeded position after buying it back").isEqualTo(before);
    }

    @Test
    void anOrderOverTheApprovalThresholdWaitsAndIsApprovedWithoutFilling() {
        RiskDesk desk = RiskDesk.roomiest(risk());

        JsonNode body = order(desk.companyId(), "buy", desk.needsApprovalQuantity(), null).json(201);

        JsonNode order = object(body, "order");
        assertThat(text(object(body, "risk"), "decision")).isEqualTo("needs_approval");
        assertThat(text(order, "status")).isEqualTo("pending_approval");
        String evaluation = text(order, "risk_evaluation_id");
        String approval = text(risk().get("/api/risk/evaluations/{id}", evaluation).json(200), "approval_id");
        risk().post("/api/risk/approvals/{id}/approve", approval).json(Map.of("decided_by", "inttest")).send()
                .expectStatus(200);
        assertThat(text(trading().get("/api/trading/orders/{id}", text(order, "id")).json(200), "status"))
                .as("an approved order").isEqualTo("approved");
        assertThat(held(desk.companyId()).quantity()).as("not filled: the position did not move")
                .isEqualTo(desk.held());
    }

    @Test
    void aRejectedOrderIsStoredAsRejectedAndBadOrdersAre400s() {
        RiskDesk desk = RiskDesk.roomiest(risk());

        JsonNode shortSale = order(desk.companyId(), "sell", desk.held() + 1, null).json(201);

        assertThat(text(object(shortSale, "order"), "status")).isEqualTo("rejected");
        assertThat(Fields.strings(object(shortSale, "risk"), "reasons")).containsExactly("short_sale");
        String aapl = Ids.company("AAPL").toString();
        Problems.assertProblem(order(aapl, "buy", 0, null), 400, "quantity");
        Problems.assertProblem(trading().post("/api/trading/orders").json(Map.of("company_id", aapl, "side", "buy",
                "quantity", 1, "order_type", "market", "limit_price", 10)).send(), 400, "limit_price");
        Problems.assertProblem(order(Ids.company("NOPE").toString(), "buy", 1, null), 404,
                Ids.company("NOPE").toString());
    }

    private ApiResponse order(String companyId, String side, long quantity, String clientOrderId) {
        return order(companyId, side, quantity, clientOrderId, null);
    }

    /** A market order, or a limit order at {@code limitPrice} when it is given. */
    private ApiResponse order(String companyId, String side, long quantity, String clientOrderId,
            BigDecimal limitPrice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company_id", companyId);
        body.put("side", side);
        body.put("quantity", quantity);
        if (limitPrice != null) {
            body.put("order_type", "limit");
            body.put("limit_price", limitPrice);
        }
        if (clientOrderId != null) {
            body.put("client_order_id", clientOrderId);
        }
        return trading().post("/api/trading/orders").json(body).send();
    }

    /** A company's position as trading keeps it; avg_cost exact, at the 4 decimals stonks stores. */
    private record Held(long quantity, BigDecimal avgCost) {
        Held {
            avgCost = avgCost.setScale(4, RoundingMode.UNNECESSARY);
        }
    }

    private Held held(String companyId) {
        List<JsonNode> positions = elements(trading().request("GET", "/api/trading/positions")
                .query("company_id", companyId).send().json(200));
        assertThat(positions).as("the position of %s (one at most)", companyId).hasSizeLessThanOrEqualTo(1);
        return positions.isEmpty() ? new Held(0, BigDecimal.ZERO) : new Held(integer(positions.get(0), "quantity"),
                Fields.field(positions.get(0), "avg_cost").decimalValue());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
