package dev.stonks.inttest.stonks;

import static dev.stonks.inttest.stonks.Api.get;
import static dev.stonks.inttest.stonks.Api.problem;
import static dev.stonks.inttest.stonks.Api.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Agent;
import dev.stonks.inttest.stonks.dataset.AgentPerformanceLog;
import dev.stonks.inttest.stonks.dataset.AgentVariant;
import dev.stonks.inttest.stonks.dataset.GlobalEvent;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.MacroImpact;
import dev.stonks.inttest.stonks.dataset.PortfolioSnapshot;
import dev.stonks.inttest.stonks.dataset.Position;
import dev.stonks.inttest.stonks.dataset.Recommendation;
import dev.stonks.inttest.stonks.dataset.RecommendationCitation;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** query-api's endpoints beyond companies, documents, trends and ops: exact values of the seeded dataset. */
@Order(2)
class QueryApiIT {

    private static final StonksDataset DATA = StonksDataset.base();

    @BeforeAll
    static void sandbox() {
        StonksSandbox.get();
    }

    @Test
    void recommendationsListByStatusNewestFirst() {
        JsonNode open = get("query-api", "/api/recommendations?status=open");

        List<Recommendation> expected = DATA.recommendations().stream().filter(r -> r.status().equals("open"))
                .sorted(Comparator.comparing(Recommendation::createdAt).reversed()
                        .thenComparing(Recommendation::id, Ids.POSTGRES_ORDER))
                .toList();
        assertEquals(16, expected.size());
        assertEquals(expected.stream().map(r -> r.id().toString()).toList(), texts(open, "id"));
        assertEquals(DATA.recommendations().size(), get("query-api", "/api/recommendations").size());
        assertEquals(3, get("query-api", "/api/recommendations?status=closed&limit=3").size());
    }

    @Test
    void recommendationDetailCarriesItsCitations() {
        Recommendation rec = DATA.recommendations().get(0);

        JsonNode body = get("query-api", "/api/recommendations/" + rec.id());

        assertEquals("AAPL", body.get("ticker").asText());
        assertEquals(rec.action(), body.get("action").asText());
        assertEquals(rec.conviction(), body.get("conviction").asDouble());
        assertEquals(rec.targetPrice(), body.get("target_price").asDouble());
        assertEquals(rec.rationale(), body.get("rationale").asText());
        assertEquals(rec.status(), body.get("status").asText());
        assertEquals(rec.createdAt(), Instant.parse(body.get("created_at").asText()));
        assertEquals(rec.closedAt(), Instant.parse(body.get("closed_at").asText()));
        List<RecommendationCitation> citations = DATA.citationsOf(rec.id());
        assertEquals(3, citations.size());
        assertEquals(citations.stream().map(c -> c.documentId().toString()).toList(),
                texts(body.get("citations"), "document_id"));
        assertEquals(citations.stream().map(RecommendationCitation::quote).toList(),
                texts(body.get("citations"), "quote"));
    }

    @Test
    void companyRecommendationsAreNewestFirst() {
        UUID tesla = Ids.company("TSLA");

        JsonNode body = get("query-api", "/api/companies/" + tesla + "/recommendations");

        assertEquals(DATA.recommendationsOf(tesla).stream().map(r -> r.id().toString()).toList(), texts(body, "id"));
        assertEquals(List.of("hold", "hold", "sell", "sell"), texts(body, "action"));
        assertEquals(List.of(1, 1, 2, 3), texts(body, "citation_count").stream().map(Integer::valueOf).toList());
    }

    @Test
    void eventsAreNewestFirstWithTheirImpacts() {
        JsonNode events = get("query-api", "/api/events");

        List<GlobalEvent> expected = DATA.globalEvents().stream()
                .sorted(Comparator.comparing(GlobalEvent::occurredAt).reversed()).toList();
        assertEquals(expected.stream().map(e -> e.id().toString()).toList(), texts(events, "id"));
        assertEquals(List.of(4, 5), get("query-api", "/api/events?kind=geopolitical&min_severity=4").findValues(
                "severity").stream().map(JsonNode::asInt).distinct().sorted().toList());

        GlobalEvent tariffs = DATA.globalEvents().get(4);
        JsonNode detail = get("query-api", "/api/events/" + tariffs.id());
        assertEquals("Broad import tariffs announced", detail.get("title").asText());
        assertEquals(5, detail.get("severity").asInt());
        List<MacroImpact> impacts = DATA.impactsOfEvent(tariffs.id()).stream()
                .sorted(Comparator.comparing(i -> DATA.company(i.companyId()).ticker())).toList();
        assertEquals(impacts.stream().map(i -> DATA.company(i.companyId()).ticker()).toList(),
                texts(detail.get("impacts"), "ticker"));
        assertEquals(impacts.stream().map(MacroImpact::impactScore).toList(),
                detail.get("impacts").findValues("impact_score").stream().map(JsonNode::asDouble).toList());
    }

    @Test
    void macroImpactsAreAddressedByTicker() {
        JsonNode byTicker = get("query-api", "/api/companies/AAPL/macro-impacts");

        List<MacroImpact> expected = DATA.macroImpactsOf(Ids.company("AAPL")).stream()
                .sorted(Comparator.comparing((MacroImpact i) -> DATA.globalEvents().stream()
                        .filter(e -> e.id().equals(i.eventId())).findFirst().orElseThrow().occurredAt()).reversed())
                .toList();
        assertEquals(9, expected.size());
        assertEquals(expected.stream().map(i -> i.id().toString()).toList(), texts(byTicker, "id"));
        assertEquals(expected.get(0).impactScore(), byTicker.get(0).get("impact_score").asDouble());
        assertEquals(byTicker, get("query-api", "/api/companies/aapl/macro-impacts"), "any case");
        assertEquals(byTicker, get("query-api", "/api/companies/" + Ids.company("AAPL") + "/macro-impacts"));
        problem("GET", "query-api", "/api/companies/NOPE/macro-impacts", null, 404);
    }

    @Test
    void agentsListWithTheirChampions() {
        JsonNode agents = get("query-api", "/api/agents");

        assertEquals(DATA.agents().stream().map(Agent::name).sorted().toList(), texts(agents, "name"));
        JsonNode trader = agents.get(texts(agents, "name").indexOf("paper-trader"));
        assertEquals("trader", trader.get("role").asText());
        assertEquals(3, trader.get("variant_count").asInt());
        assertEquals("reasoning", trader.get("champion").asText());

        Agent analyst = DATA.agent("trend-analyst");
        JsonNode detail = get("query-api", "/api/agents/" + analyst.id());
        List<AgentVariant> variants = DATA.variantsOf(analyst.id());
        assertEquals(variants.stream().map(AgentVariant::name).toList(), texts(detail.get("variants"), "name"));
        assertEquals(variants.stream().map(AgentVariant::model).toList(), texts(detail.get("variants"), "model"));
        assertEquals(List.of("true", "false", "false"), texts(detail.get("variants"), "champion"));
    }

    @Test
    void agentPerformanceCoversTheRangeExactly() {
        Agent trader = DATA.agent("paper-trader");
        LocalDate from = LocalDate.of(2025, 6, 2);
        LocalDate to = LocalDate.of(2025, 6, 30);

        JsonNode body = get("query-api", "/api/agents/" + trader.id() + "/performance?from=" + from + "&to=" + to);

        Map<UUID, String> names = DATA.variantsOf(trader.id()).stream()
                .collect(Collectors.toMap(AgentVariant::id, AgentVariant::name));
        List<AgentPerformanceLog> expected = DATA.performanceLogs().stream()
                .filter(l -> names.containsKey(l.variantId()) && !l.day().isBefore(from) && !l.day().isAfter(to))
                .sorted(Comparator.comparing(AgentPerformanceLog::day).thenComparing(l -> names.get(l.variantId())))
                .toList();
        assertEquals(3 * 21, expected.size());
        assertEquals(expected.size(), body.get("logs").size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode log = body.get("logs").get(i);
            assertEquals(expected.get(i).day().toString(), log.get("day").asText());
            assertEquals(expected.get(i).accuracy(), log.get("accuracy").asDouble());
            assertEquals(0, BigDecimal.valueOf(expected.get(i).pnl()).compareTo(log.get("pnl").decimalValue()));
        }
        JsonNode baseline = body.get("variants").get(0);
        BigDecimal pnl = expected.stream().filter(l -> names.get(l.variantId()).equals("baseline"))
                .map(l -> BigDecimal.valueOf(l.pnl())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(21, baseline.get("days").asInt());
        assertEquals(0, pnl.compareTo(baseline.get("total_pnl").decimalValue()));

        // without a range: the 30 days up to the newest log
        JsonNode recent = get("query-api", "/api/agents/" + trader.id() + "/performance");
        assertEquals("2025-06-30", recent.get("to").asText());
        assertEquals("2025-06-01", recent.get("from").asText());
    }

    @Test
    void portfolioSnapshotsAreNewestFirstAndExact() {
        JsonNode body = get("query-api", "/api/portfolio/snapshots?limit=5");

        List<PortfolioSnapshot> all = DATA.portfolioSnapshots();
        assertEquals(5, body.size());
        for (int i = 0; i < 5; i++) {
            PortfolioSnapshot expected = all.get(all.size() - 1 - i);
            assertEquals(expected.takenAt(), Instant.parse(body.get(i).get("taken_at").asText()));
            assertEquals(expected.cash(), body.get(i).get("cash").asDouble());
            assertEquals(expected.positionsValue(), body.get(i).get("positions_value").asDouble());
            assertEquals(expected.totalValue(), body.get(i).get("total_value").asDouble());
        }
        assertEquals(30, get("query-api", "/api/portfolio/snapshots").size());
    }

    @Test
    void positionsAreValuedAtTheLastClose() {
        JsonNode body = get("query-api", "/api/portfolio/positions");

        assertEquals(StonksDataset.TICKERS.stream().sorted().toList(), texts(body, "ticker"));
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode actual : body) {
            String ticker = actual.get("ticker").asText();
            Position expected = DATA.position(ticker);
            BigDecimal close = BigDecimal.valueOf(DATA.lastClose(ticker));
            BigDecimal value = close.multiply(BigDecimal.valueOf(expected.quantity())).setScale(2,
                    RoundingMode.HALF_UP);
            assertEquals(expected.quantity(), actual.get("quantity").asInt(), ticker);
            assertEquals(0, BigDecimal.valueOf(expected.avgCost()).compareTo(actual.get("avg_cost").decimalValue()));
            assertEquals(0, close.compareTo(actual.get("last_close").decimalValue()), ticker);
            assertEquals("2025-06-30", actual.get("last_close_day").asText());
            assertEquals(0, value.compareTo(actual.get("market_value").decimalValue()), ticker);
            total = total.add(value);
        }
        PortfolioSnapshot last = DATA.portfolioSnapshots().get(DATA.portfolioSnapshots().size() - 1);
        assertEquals(0, BigDecimal.valueOf(last.positionsValue()).compareTo(total), "the last snapshot's positions");
        assertTrue(total.signum() > 0);
    }
}
