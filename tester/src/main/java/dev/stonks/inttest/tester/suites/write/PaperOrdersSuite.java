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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * trading: {@code POST /api/trading/orders}, a paper order that trading sends through risk over HTTP. The round trip
 * buys one share and sells it back, so the position ends where it started; the order that needs approval is approved
 * by the desk and never fills.
 */
@Mutating
public class PaperOrdersSuite extends StonksSuite {

    @Test
    void aSmallMarketOrderGoesThroughRiskAndFillsAtTheLastClose() {
        RiskDesk desk = RiskDesk.roomiest(risk());
        String clientId = "inttest-" + HexFormat.of().formatHex(randomBytes());

        ApiResponse placed = order(desk.companyId(), "buy", 1, clientId);

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
            assertThat(held(desk.companyId())).as("position after the buy").isEqualTo(desk.held() + 1);
            assertThat(text(trading().get("/api/trading/orders/{id}", text(order, "id")).json(200), "client_order_id"))
                    .isEqualTo(clientId);
            Problems.assertProblem(order(desk.companyId(), "buy", 1, clientId), 409, clientId);
        } finally {
            JsonNode back = object(order(desk.companyId(), "sell", 1, null).json(201), "order");
            assertThat(text(back, "status")).as("the sell that undoes it").isEqualTo("filled");
        }
        assertThat(held(desk.companyId())).as("position after selling it back").isEqualTo(desk.held());
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
        assertThat(held(desk.companyId())).as("not filled: the position did not move").isEqualTo(desk.held());
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company_id", companyId);
        body.put("side", side);
        body.put("quantity", quantity);
        if (clientOrderId != null) {
            body.put("client_order_id", clientOrderId);
        }
        return trading().post("/api/trading/orders").json(body).send();
    }

    private long held(String companyId) {
        return elements(trading().request("GET", "/api/trading/positions").query("company_id", companyId).send()
                .json(200)).stream().mapToLong(p -> integer(p, "quantity")).sum();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
