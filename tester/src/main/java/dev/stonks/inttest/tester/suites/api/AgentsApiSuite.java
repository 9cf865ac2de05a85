package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.bool;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Agent;
import dev.stonks.inttest.stonks.dataset.AgentPerformanceLog;
import dev.stonks.inttest.stonks.dataset.AgentVariant;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** query-api: {@code GET /api/agents}, {@code GET /api/agents/{id}} (variants), its daily performance. */
public class AgentsApiSuite extends StonksSuite {

    @Test
    void agentsAreListedByNameWithTheirRoles() {
        List<JsonNode> agents = elements(queryApi().get("/api/agents").json(200));

        assertThat(texts(agents, "name")).containsExactly("paper-trader", "risk-sentinel", "sentiment-analyst",
                "trend-analyst");
        assertThat(texts(agents, "role")).containsExactly("trader", "risk", "analyst", "analyst");
        for (JsonNode agent : agents) {
            Agent want = DATA.agent(text(agent, "name"));
            assertThat(text(agent, "id")).isEqualTo(want.id().toString());
            assertThat(integer(agent, "variant_count")).as("%s variants", want.name())
                    .isEqualTo(DATA.variantsOf(want.id()).size());
        }
    }

    @Test
    void anAgentCarriesItsVariantsAndOneChampion() {
        Agent trader = DATA.agent("paper-trader");

        JsonNode body = queryApi().get("/api/agents/{id}", trader.id()).json(200);

        List<JsonNode> variants = array(body, "variants");
        List<AgentVariant> expected = DATA.variantsOf(trader.id());
        assertThat(texts(variants, "id"))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(v -> v.id().toString()).toList());
        Map<String, AgentVariant> byId = expected.stream()
                .collect(Collectors.toMap(v -> v.id().toString(), v -> v));
        for (JsonNode v : variants) {
            AgentVariant want = byId.get(text(v, "id"));
            assertThat(text(v, "model")).as("%s model", want.name()).isEqualTo(want.model());
            assertThat(text(v, "prompt_version")).as("%s prompt", want.name()).isEqualTo(want.promptVersion());
            assertThat(bool(v, "champion")).as("%s champion", want.name()).isEqualTo(want.champion());
        }
        assertThat(variants.stream().filter(v -> bool(v, "champion"))).as("champions").hasSize(1);
    }

    @Test
    void performanceOverARangeMatchesTheDailyLogs() {
        Agent trader = DATA.agent("paper-trader");
        LocalDate from = LocalDate.parse("2025-06-01");
        LocalDate to = LocalDate.parse("2025-06-30");

        JsonNode body = queryApi().request("GET", "/api/agents/{id}/performance", trader.id()).query("from", from)
                .query("to", to).send().json(200);

        Set<UUID> variants = DATA.variantsOf(trader.id()).stream().map(AgentVariant::id).collect(Collectors.toSet());
        List<AgentPerformanceLog> logs = DATA.performanceLogs().stream()
                .filter(l -> variants.contains(l.variantId()) && !l.day().isBefore(from) && !l.day().isAfter(to))
                .toList();
        assertThat(array(body, "logs")).as("daily logs in June").hasSize(logs.size());
        Map<String, Long> decisions = logs.stream().collect(Collectors.groupingBy(l -> l.variantId().toString(),
                Collectors.summingLong(AgentPerformanceLog::decisions)));
        Map<String, Double> pnl = logs.stream().collect(Collectors.groupingBy(l -> l.variantId().toString(),
                Collectors.summingDouble(AgentPerformanceLog::pnl)));
        for (JsonNode totals : array(body, "variants")) {
            String id = text(totals, "variant_id");
            assertThat(integer(totals, "decisions")).as("decisions of %s", text(totals, "name"))
                    .isEqualTo(decisions.getOrDefault(id, 0L));
            assertThat(number(totals, "total_pnl")).as("pnl of %s", text(totals, "name"))
                    .isCloseTo(pnl.getOrDefault(id, 0.0), within(0.005));
        }
    }

    @Test
    void aBackwardsRangeIsA400AndAnUnknownAgentA404() {
        UUID trader = DATA.agent("paper-trader").id();

        Problems.assertProblem(queryApi().request("GET", "/api/agents/{id}/performance", trader)
                .query("from", "2025-06-30").query("to", "2025-06-01").send(), 400, "from");
        Problems.assertProblem(queryApi().get("/api/agents/{id}", UUID.nameUUIDFromBytes(new byte[] {1})), 404,
                "agent");
    }
}
