package dev.stonks.inttest.tester.suites.write;

import static dev.stonks.inttest.tester.suites.Fields.field;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.tester.runner.Mutating;
import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.suites.Fields;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * risk: {@code POST /api/risk/evaluate} to each decision (approve, reject for notional, short sale and the kill
 * switch, needs_approval) and the risk desk's {@code approve} / {@code reject} of the approvals it opens. Evaluations
 * are recorded (hence {@code @Mutating}); every approval a test opens it also decides, so the pending list is back to
 * the seeded one afterwards. No order is placed, so positions do not move.
 */
@Mutating
public class RiskDecisionsSuite extends StonksSuite {

    @Test
    void aSmallBuyIsApprovedAndRecorded() {
        RiskDesk desk = RiskDesk.roomiest(risk());

        ApiResponse response = evaluate(desk.companyId(), "buy", 1, desk.close());

        JsonNode evaluation = response.json(201);
        assertThat(text(evaluation, "decision")).isEqualTo("approve");
        assertThat(Fields.array(evaluation, "reasons")).isEmpty();
        assertThat(number(evaluation, "notional")).isCloseTo(desk.close(), within(0.005));
        assertThat(field(evaluation, "approval_id").isNull()).as("no approval for an approved order").isTrue();
        JsonNode stored = risk().get("/api/risk/evaluations/{id}", text(evaluation, "id")).json(200);
        assertThat(text(stored, "decision")).isEqualTo("approve");
        assertThat(text(stored, "ticker")).isEqualTo(desk.ticker());
        assertThat(response.header("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/risk/evaluations/" + text(evaluation, "id")));
    }

    @Test
    void anOrderOverTheNotionalLimitOrSellingShortIsRejected() {
        RiskDesk desk = RiskDesk.roomiest(risk());

        JsonNode big = evaluate(desk.companyId(), "buy", desk.overNotionalQuantity(), desk.close()).json(201);
        JsonNode shortSale = evaluate(desk.companyId(), "sell", desk.held() + 1, desk.close()).json(201);

        assertThat(text(big, "decision")).isEqualTo("reject");
        assertThat(Fields.strings(big, "reasons")).contains("notional");
        assertThat(text(shortSale, "decision")).isEqualTo("reject");
        assertThat(Fields.strings(shortSale, "reasons")).containsExactly("short_sale");
    }

    @Test
    void anOrderOverTheApprovalThresholdWaitsForTheDeskWhichApprovesItOnce() {
        RiskDesk desk = RiskDesk.roomiest(risk());

        JsonNode evaluation = evaluate(desk.companyId(), "buy", desk.needsApprovalQuantity(), desk.close()).json(201);

        assertThat(text(evaluation, "decision")).isEqualTo("needs_approval");
        assertThat(Fields.strings(evaluation, "reasons")).containsExactly("approval_threshold");
        assertThat(text(evaluation, "approval_status")).isEqualTo("pending");
        String approval = text(evaluation, "approval_id");
        assertThat(texts(Fields.elements(risk().request("GET", "/api/risk/approvals").query("status", "pending")
                .send().json(200)), "id")).as("pending approvals").contains(approval);

        JsonNode approved = risk().post("/api/risk/approvals/{id}/approve", approval)
                .json(Map.of("decided_by", "inttest", "note", "inttest round trip")).send().json(200);

        assertThat(text(approved, "status")).isEqualTo("approved");
        assertThat(text(approved, "decided_by")).isEqualTo("inttest");
        assertThat(text(risk().get("/api/risk/evaluations/{id}", text(evaluation, "id")).json(200),
                "approval_status")).isEqualTo("approved");
        Problems.assertProblem(risk().post("/api/risk/approvals/{id}/approve", approval).send(), 409, approval);
        Problems.assertProblem(risk().post("/api/risk/approvals/{id}/reject", approval).send(), 409, approval);
    }

    @Test
    void theDeskCanRejectAnApproval() {
        RiskDesk desk = RiskDesk.roomiest(risk());
        String approval = text(evaluate(desk.companyId(), "buy", desk.needsApprovalQuantity(), desk.close())
                .json(201), "approval_id");

        JsonNode rejected = risk().post("/api/risk/approvals/{id}/reject", approval).send().json(200);

        assertThat(text(rejected, "status")).isEqualTo("rejected");
        assertThat(text(rejected, "ticker")).isEqualTo(desk.ticker());
    }

    @Test
    void withTheKillSwitchOnEveryOrderIsRejected() {
        RiskDesk desk = RiskDesk.roomiest(risk());
        trading().post("/api/trading/kill-switch").json(Map.of("active", true, "reason", "inttest")).send()
                .expectStatus(200);
        try {
            JsonNode evaluation = evaluate(desk.companyId(), "buy", 1, desk.close()).json(201);

            assertThat(text(evaluation, "decision")).isEqualTo("reject");
            assertThat(Fields.strings(evaluation, "reasons")).contains("kill_switch");
        } finally {
            trading().post("/api/trading/kill-switch").json(Map.of("active", false, "reason", "inttest done"))
                    .send().expectStatus(200);
        }
        assertThat(Fields.bool(trading().get("/api/trading/status").json(200), "kill_switch")).isFalse();
    }

    @Test
    void badOrdersAre400sNamingTheFieldAndAnUnknownCompanyA404() {
        String aapl = Ids.company("AAPL").toString();

        Problems.assertProblem(evaluate(aapl, "buy", 0, 10.0), 400, "quantity");
        Problems.assertProblem(evaluate(aapl, "hold", 1, 10.0), 400, "side");
        Problems.assertProblem(evaluate(Ids.company("NOPE").toString(), "buy", 1, 10.0), 404,
                Ids.company("NOPE").toString());
        Problems.assertProblem(risk().post("/api/risk/approvals/{id}/approve", Ids.riskApproval("NOPE", 0, 0))
                .send(), 404, Ids.riskApproval("NOPE", 0, 0).toString());
    }

    private ApiResponse evaluate(String companyId, String side, long quantity, double limitPrice) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("company_id", companyId);
        order.put("side", side);
        order.put("quantity", quantity);
        order.put("limit_price", Math.round(limitPrice * 10_000) / 10_000.0);
        return risk().post("/api/risk/evaluate").json(order).send();
    }
}
