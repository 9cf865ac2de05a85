package dev.stonks.inttest.stonks;

import static dev.stonks.inttest.stonks.Api.get;
import static dev.stonks.inttest.stonks.Api.post;
import static dev.stonks.inttest.stonks.Api.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.Order;
import dev.stonks.inttest.stonks.dataset.PortfolioSnapshot;
import dev.stonks.inttest.stonks.dataset.RiskApproval;
import dev.stonks.inttest.stonks.dataset.RiskEvaluation;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.TradingDays;
import dev.stonks.inttest.stonks.dataset.TradingDecision;
import dev.stonks.inttest.stonks.dataset.TradingEngineConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** risk's and trading's read endpoints, and the backtest, on the seeded dataset (nothing here writes). */
@org.junit.jupiter.api.Order(3)
class RiskTradingReadIT {

    private static final StonksDataset DATA = StonksDataset.base();

    @BeforeAll
    static void sandbox() {
        StonksSandbox.get();
    }

    @Test
    void riskLimitsComeFromTheDatabase() {
        JsonNode limits = get("risk", "/api/risk/limits");

        assertEquals("database", limits.get("source").asText());
        for (String name : StonksDataset.RISK_LIMIT_NAMES) {
            assertEquals(DATA.riskLimit(name), limits.get(name).asDouble(), name);
        }
        assertEquals(4, limits.get("limits").size());
    }

    @Test
    void exposureValuesThePortfolioAtTheLastClose() {
        JsonNode all = get("risk", "/api/risk/exposure");

        PortfolioSnapshot last = DATA.portfolioSnapshots().get(DATA.portfolioSnapshots().size() - 1);
        assertEquals(last.cash(), all.get("cash").asDouble());
        assertEquals(last.positionsValue(), all.get("positions_value").asDouble());
        assertEquals(last.totalValue(), all.get("total_value").asDouble());
        assertEquals(StonksDataset.TICKERS.stream().sorted().toList(), texts(all.get("companies"), "ticker"));

        JsonNode apple = get("risk", "/api/risk/exposure?company_id=" + Ids.company("AAPL"));
        assertEquals(1, apple.get("companies").size());
        JsonNode exposure = apple.get("companies").get(0);
        BigDecimal notional = BigDecimal.valueOf(DATA.lastClose("AAPL"))
                .multiply(BigDecimal.valueOf(DATA.position("AAPL").quantity())).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, notional.compareTo(exposure.get("notional").decimalValue()));
        assertEquals(0, notional.divide(BigDecimal.valueOf(last.totalValue()), 6, RoundingMode.HALF_UP)
                .compareTo(exposure.get("concentration").decimalValue()));
        assertEquals(0, BigDecimal.valueOf(250_000).subtract(notional)
                .compareTo(exposure.get("position_headroom").decimalValue()));
    }

    @Test
    void aSeededEvaluationReadsBackExactly() {
        RiskEvaluation expected = DATA.riskEvaluations().stream().filter(e -> e.reasons().size() > 1).findFirst()
                .orElse(DATA.riskEvaluations().get(0));

        JsonNode body = get("risk", "/api/risk/evaluations/" + expected.id());

        assertEquals(expected.decision(), body.get("decision").asText());
        assertEquals(expected.reasons(), Api.JSON.convertValue(body.get("reasons"), List.class));
        assertEquals(expected.quantity(), body.get("quantity").asInt());
        assertEquals(expected.price(), body.get("price").asDouble());
        assertEquals(expected.notional(), body.get("notional").asDouble());
        assertEquals(expected.evaluatedAt(), Instant.parse(body.get("evaluated_at").asText()));
    }

    @Test
    void pendingApprovalsAreTheLastTwoDays() {
        JsonNode pending = get("risk", "/api/risk/approvals?status=pending");

        List<RiskApproval> expected = DATA.riskApprovals().stream().filter(a -> a.status().equals("pending"))
                .sorted(Comparator.comparing(RiskApproval::requestedAt).reversed()).toList();
        assertEquals(3, expected.size());
        assertEquals(expected.stream().map(a -> a.id().toString()).toList(), texts(pending, "id"));
        assertEquals(2, get("risk", "/api/risk/approvals?status=approved&limit=2").size());
        assertEquals("approved", get("risk", "/api/risk/approvals?status=approved&limit=1").get(0).get("status")
                .asText());
    }

    @Test
    void tradingConfigIsTheSeededRow() {
        JsonNode config = get("trading", "/api/trading/config");

        TradingEngineConfig expected = DATA.engineConfig();
        assertEquals(expected.mode(), config.get("mode").asText());
        assertEquals(expected.killSwitch(), config.get("kill_switch").asBoolean());
        assertEquals(expected.maxDailyOrders(), config.get("max_daily_orders").asInt());
        assertEquals(expected.maxOrderQuantity(), config.get("max_order_quantity").asInt());
        assertEquals(expected.strategy(), config.get("strategy").asText());
        assertEquals(expected.updatedAt(), Instant.parse(config.get("updated_at").asText()));
    }

    @Test
    void decisionsAreNewestFirstPerCompany() {
        UUID apple = Ids.company("AAPL");

        JsonNode body = get("trading", "/api/trading/decisions?company_id=" + apple + "&limit=5");

        List<TradingDecision> expected = DATA.tradingDecisions().stream().filter(d -> d.companyId().equals(apple))
                .sorted(Comparator.comparing(TradingDecision::decidedAt).reversed()
                        .thenComparing(TradingDecision::id, Ids.POSTGRES_ORDER))
                .limit(5).toList();
        assertEquals(expected.stream().map(d -> d.id().toString()).toList(), texts(body, "id"));
        assertEquals(50, get("trading", "/api/trading/decisions").size());

        TradingDecision executed = DATA.tradingDecisions().stream().filter(d -> d.orderId() != null
                && d.auditObjectKey() != null).findFirst().orElseThrow();
        JsonNode detail = get("trading", "/api/trading/decisions/" + executed.id());
        assertEquals("execute", detail.get("action").asText());
        assertEquals(executed.reason(), detail.get("reason").asText());
        assertEquals(executed.orderId().toString(), detail.get("order_id").asText());
        assertEquals(DATA.order(executed.orderId()).status(), detail.get("order_status").asText());
        assertEquals(executed.auditObjectKey(), detail.get("audit_object_key").asText());
        assertTrue(executed.auditObjectKey().startsWith("audit/trading/2025-06-"));
    }

    @Test
    void ordersFilterByStatus() {
        JsonNode pending = get("trading", "/api/trading/orders?status=pending_approval");

        List<Order> expected = DATA.orders().stream().filter(o -> o.status().equals("pending_approval"))
                .sorted(Comparator.comparing(Order::createdAt).reversed()).toList();
        assertEquals(expected.stream().map(o -> o.id().toString()).toList(), texts(pending, "id"));
        JsonNode filled = get("trading", "/api/trading/orders?status=filled&limit=3");
        assertEquals(3, filled.size());
        filled.forEach(o -> assertNotNull(o.get("fill_price").decimalValue()));
        Order first = DATA.orders().get(0);
        JsonNode one = get("trading", "/api/trading/orders/" + first.id());
        assertEquals(first.quantity(), one.get("quantity").asInt());
        assertEquals(first.riskEvaluationId().toString(), one.get("risk_evaluation_id").asText());
    }

    @Test
    void tradingPositionsMatchThePortfolio() {
        assertEquals(get("query-api", "/api/portfolio/positions"), get("trading", "/api/trading/positions"));
        JsonNode tesla = get("trading", "/api/trading/positions?company_id=" + Ids.company("TSLA"));
        assertEquals(1, tesla.size());
        assertEquals(DATA.position("TSLA").quantity(), tesla.get(0).get("quantity").asInt());
    }

    @Test
    void buyAndHoldMatchesTheBars() {
        String from = TradingDays.day(249).toString();
        String to = TradingDays.LAST.toString();

        JsonNode result = post("trading", "/api/trading/backtest", "{\"tickers\": [\"AAPL\"], \"from\": \"" + from
                + "\", \"to\": \"" + to + "\", \"strategy\": \"buy_hold\"}", 200);

        double first = DATA.priceBar("AAPL", TradingDays.day(249)).close();
        double last = DATA.lastClose("AAPL");
        long shares = (long) Math.floor(100_000 / first);
        double finalValue = 100_000 - shares * first + shares * last;
        assertEquals(250, result.get("days").asInt());
        assertEquals(BigDecimal.valueOf(finalValue).setScale(2, RoundingMode.HALF_UP).doubleValue(),
                result.get("final_value").asDouble());
        assertEquals(BigDecimal.valueOf(finalValue / 100_000 - 1).setScale(6, RoundingMode.HALF_UP).doubleValue(),
                result.get("total_return").asDouble());
        assertEquals(1, result.get("trades").size());
        assertEquals(shares, result.get("trades").get(0).get("quantity").asLong());
    }

    @Test
    void smaCrossIsDeterministic() {
        String body = "{\"tickers\": [\"NVDA\", \"TSLA\"], \"from\": \"2024-07-16\", \"to\": \"2025-06-30\", "
                + "\"strategy\": \"sma_cross\", \"initial_cash\": 250000, \"short_window\": 5, \"long_window\": 20}";

        JsonNode first = post("trading", "/api/trading/backtest", body, 200);
        JsonNode second = post("trading", "/api/trading/backtest", body, 200);

        assertEquals(first, second);
        assertTrue(first.get("trades").size() >= 4, first.toString());
        for (String ticker : List.of("NVDA", "TSLA")) {
            List<String> sides = new java.util.ArrayList<>();
            first.get("trades").forEach(t -> {
                if (t.get("ticker").asText().equals(ticker)) {
                    sides.add(t.get("side").asText());
                }
            });
            for (int i = 0; i < sides.size(); i++) {
                assertEquals(i % 2 == 0 ? "buy" : "sell", sides.get(i), ticker + " trades alternate");
            }
        }
        assertTrue(first.get("max_drawdown").asDouble() >= 0 && first.get("max_drawdown").asDouble() < 1);
    }
}
