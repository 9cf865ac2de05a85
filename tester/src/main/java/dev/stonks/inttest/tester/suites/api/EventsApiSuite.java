package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.GlobalEvent;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.MacroImpact;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * query-api: {@code GET /api/events}, {@code GET /api/events/{id}} (impacts per company) and
 * {@code GET /api/companies/{ticker}/macro-impacts} (by ticker, as in the seed).
 */
public class EventsApiSuite extends StonksSuite {

    @Test
    void eventsComeNewestFirstWithTheirImpactCounts() {
        List<JsonNode> events = elements(queryApi().get("/api/events").json(200));

        List<GlobalEvent> expected = DATA.globalEvents().stream()
                .sorted(Comparator.comparing(GlobalEvent::occurredAt).reversed()
                        .thenComparing(GlobalEvent::id, Ids.POSTGRES_ORDER)).toList();
        assertThat(texts(events, "id")).as("events, newest first")
                .containsExactlyElementsOf(expected.stream().map(e -> e.id().toString()).toList());
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            GlobalEvent want = expected.get(i);
            JsonNode got = events.get(i);
            soft.assertThat(text(got, "kind")).as("%s kind", want.title()).isEqualTo(want.kind());
            soft.assertThat(text(got, "title")).isEqualTo(want.title());
            soft.assertThat(integer(got, "severity")).as("%s severity", want.title()).isEqualTo(want.severity());
            soft.assertThat(instant(got, "occurred_at")).as("%s occurred_at", want.title())
                    .isEqualTo(want.occurredAt());
            soft.assertThat(integer(got, "impact_count")).as("%s impacts", want.title())
                    .isEqualTo(DATA.impactsOfEvent(want.id()).size());
        }
        soft.assertAll();
    }

    @Test
    void anEventCarriesItsImpactPerCompany() {
        // 2 April 2025, broad import tariffs: severity 5, five companies hit
        GlobalEvent tariffs = DATA.globalEvents().stream().filter(e -> e.id().equals(Ids.globalEvent(4)))
                .findFirst().orElseThrow();

        JsonNode body = queryApi().get("/api/events/{id}", tariffs.id()).json(200);

        assertThat(text(body, "kind")).isEqualTo("geopolitical");
        assertThat(integer(body, "severity")).isEqualTo(5);
        List<JsonNode> impacts = array(body, "impacts");
        assertThat(texts(impacts, "ticker")).as("impacted companies, by ticker")
                .containsExactly("AAPL", "AMZN", "META", "NVDA", "TSLA");
        Map<String, Double> scores = DATA.impactsOfEvent(tariffs.id()).stream()
                .collect(Collectors.toMap(i -> i.companyId().toString(), MacroImpact::impactScore));
        for (JsonNode impact : impacts) {
            assertThat(number(impact, "impact_score")).as("impact on %s", text(impact, "ticker"))
                    .isEqualTo(scores.get(text(impact, "company_id")));
        }
    }

    @Test
    void macroImpactsGoByTicker() {
        List<JsonNode> impacts = elements(queryApi().get("/api/companies/{ticker}/macro-impacts", "JPM").json(200));

        List<MacroImpact> expected = DATA.macroImpactsOf(Ids.company("JPM"));
        assertThat(texts(impacts, "event_id")).as("events that hit JPM, newest first")
                .containsExactlyElementsOf(expected.stream()
                        .sorted(Comparator.comparing((MacroImpact m) -> event(m).occurredAt()).reversed()
                                .thenComparing(m -> m.eventId(), Ids.POSTGRES_ORDER))
                        .map(m -> m.eventId().toString()).toList());
        Map<String, Double> scores = expected.stream()
                .collect(Collectors.toMap(m -> m.eventId().toString(), MacroImpact::impactScore));
        for (JsonNode impact : impacts) {
            assertThat(number(impact, "impact_score")).as("impact of %s", text(impact, "title"))
                    .isEqualTo(scores.get(text(impact, "event_id")));
        }
    }

    @Test
    void anUnknownTickerOrEventIsA404() {
        Problems.assertProblem(queryApi().get("/api/companies/{ticker}/macro-impacts", "NOPE"), 404, "NOPE");
        Problems.assertProblem(queryApi().get("/api/events/{id}", Ids.globalEvent(99)), 404,
                Ids.globalEvent(99).toString());
    }

    private static GlobalEvent event(MacroImpact impact) {
        return DATA.globalEvents().stream().filter(e -> e.id().equals(impact.eventId())).findFirst().orElseThrow();
    }
}
