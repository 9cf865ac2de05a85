package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.bool;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.Order;
import dev.stonks.inttest.stonks.dataset.TradingDecision;
import dev.stonks.inttest.stonks.dataset.TradingEngineConfig;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** trading reads: the engine config, decisions (a page per company, one by id) and orders by status. */
public class TradingHistoryApiSuite extends StonksSuite {

    @Test
    void theEngineConfigIsTheSeededOne() {
        TradingEngineConfig expected = DATA.engineConfig();

        JsonNode config = trading().get("/api/trading/config").json(200);

        assertThat(text(config, "mode")).isEqualTo(expected.mode());
        assertThat(bool(config, "kill_switch")).isEqualTo(expected.killSwitch());
        assertThat(integer(config, "max_daily_orders")).isEqualTo(expected.maxDailyOrders());
        assertThat(integer(config, "max_order_quantity")).isEqualTo(expected.maxOrderQuantity());
        assertThat(text(config, "strategy")).isEqualTo(expected.strategy());
    }

    @Test
    void aCompanysDecisionsComeNewestFirstAPageAtATime() {
        UUID aapl = Ids.company("AAPL");

        List<JsonNode> page = elements(trading().request("GET", "/api/trading/decisions")
                .query("company_id", aapl).query("limit", 5).send().json(200));

        List<TradingDecision> expected = DATA.tradingDecisions().stream().filter(d -> d.companyId().equals(aapl))
                .sorted(Comparator.comparing(TradingDecision::decidedAt).reversed()
                        .thenComparing(TradingDecision::id, Ids.POSTGRES_ORDER))
                .limit(5).toList();
        assertThat(texts(page, "id")).as("AAPL's five newest decisions")
                .containsExactlyElementsOf(expected.stream().map(d -> d.id().toString()).toList());
        assertThat(texts(page, "action")).containsExactlyElementsOf(expected.stream().map(TradingDecision::action)
                .toList());
        assertThat(texts(page, "reason")).containsExactlyElementsOf(expected.stream().map(TradingDecision::reason)
                .toList());
    }

    @Test
    void oneDecisionByIdWithItsOrder() {
        TradingDecision expected = DATA.tradingDecision(Ids.tradingDecision("AAPL", 0, 0));

        JsonNode body = trading().get("/api/trading/decisions/{id}", expected.id()).json(200);

        assertThat(text(body, "action")).isEqualTo(expected.action());
        assertThat(text(body, "reason")).isEqualTo(expected.reason());
        assertThat(instant(body, "decided_at")).isEqualTo(expected.decidedAt());
        assertThat(body.path("order_id").isNull() ? null : text(body, "order_id"))
                .isEqualTo(expected.orderId() == null ? null : expected.orderId().toString());
    }

    @Test
    void ordersFilterByStatusNewestFirst() {
        List<JsonNode> pending = elements(trading().request("GET", "/api/trading/orders")
                .query("status", "pending_approval").send().json(200));

        List<Order> expected = DATA.orders().stream().filter(o -> o.status().equals("pending_approval"))
                .sorted(Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::id, Ids.POSTGRES_ORDER))
                .limit(50).toList();
        assertThat(expected).as("the dataset has orders waiting for the risk desk").isNotEmpty();
        assertThat(texts(pending, "id")).containsExactlyElementsOf(expected.stream().map(o -> o.id().toString())
                .toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(integer(pending.get(i), "quantity")).isEqualTo(expected.get(i).quantity());
            assertThat(text(pending.get(i), "mode")).isEqualTo("paper");
        }
    }

    @Test
    void anUnknownDecisionIsA404AndABadStatusA400() {
        UUID unknown = Ids.tradingDecision("NOPE", 0, 0);

        Problems.assertProblem(trading().get("/api/trading/decisions/{id}", unknown), 404, unknown.toString());
        Problems.assertProblem(trading().request("GET", "/api/trading/orders").query("status", "done").send(), 400,
                "status");
    }
}
