package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.TrendEvidence;
import dev.stonks.inttest.stonks.dataset.TrendProjection;
import dev.stonks.inttest.stonks.dataset.TrendWindow;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * query-api: {@code GET /api/trends/{id}} (evidence, projections), {@code GET /api/companies/{id}/trends} and the
 * trend list with its filters ({@code GET /api/trends?direction&min_confidence&limit}).
 */
public class TrendsApiSuite extends StonksSuite {
    private static final double EXACT = 1e-9;

    @Test
    void trendDetailCarriesDirectionConfidenceEvidenceAndProjections() {
        // NVDA, Q1 2025: bullish at 0.91, three base documents as evidence, projections at 30/90/180 days
        TrendWindow window = DATA.trendWindow("NVDA", 0);

        JsonNode body = queryApi().get("/api/trends/{id}", window.id()).json(200);

        assertThat(text(body, "id")).isEqualTo(window.id().toString());
        assertThat(text(body, "company_id")).isEqualTo(Ids.company("NVDA").toString());
        assertThat(text(body, "trend_direction")).as("trend_direction").isEqualTo("bullish");
        assertThat(number(body, "confidence")).as("confidence").isBetween(0.0, 1.0).isCloseTo(0.91, within(EXACT));
        assertThat(instant(body, "window_start")).as("window_start").isEqualTo(window.windowStart());
        assertThat(instant(body, "window_end")).as("window_end").isEqualTo(window.windowEnd());

        List<JsonNode> evidence = array(body, "evidence");
        assertThat(evidence).as("evidence").hasSize(3);
        Map<String, Double> weights = evidence.stream()
                .collect(Collectors.toMap(e -> text(e, "document_id"), e -> number(e, "weight")));
        for (TrendEvidence expected : DATA.evidenceOf(window.id())) {
            assertThat(weights).as("evidence documents").containsKey(expected.documentId().toString());
            assertThat(weights.get(expected.documentId().toString())).as("weight of %s", expected.documentId())
                    .isCloseTo(expected.weight(), within(EXACT));
        }

        List<JsonNode> projections = array(body, "projections");
        assertThat(projections.stream().map(p -> integer(p, "horizon_days")).toList()).as("projection horizons")
                .containsExactlyInAnyOrder(30L, 90L, 180L);
        Map<Long, JsonNode> byHorizon = projections.stream()
                .collect(Collectors.toMap(p -> integer(p, "horizon_days"), Function.identity()));
        for (TrendProjection expected : DATA.projectionsOf(window.id())) {
            JsonNode actual = byHorizon.get((long) expected.horizonDays());
            assertThat(number(actual, "expected_return")).as("expected_return at %d days", expected.horizonDays())
                    .isCloseTo(expected.expectedReturn(), within(EXACT));
            assertThat(number(actual, "low")).as("low at %d days", expected.horizonDays())
                    .isCloseTo(expected.low(), within(EXACT));
            assertThat(number(actual, "high")).as("high at %d days", expected.horizonDays())
                    .isCloseTo(expected.high(), within(EXACT));
        }
    }

    @Test
    void everyTrendWindowMatchesTheDataset() {
        SoftAssertions soft = new SoftAssertions();
        for (TrendWindow expected : DATA.trendWindows()) {
            JsonNode body = queryApi().get("/api/trends/{id}", expected.id()).json(200);
            String which = DATA.company(expected.companyId()).ticker() + " " + expected.windowStart();
            soft.assertThat(text(body, "trend_direction")).as("%s direction", which)
                    .isEqualTo(expected.trendDirection().value());
            soft.assertThat(number(body, "confidence")).as("%s confidence", which)
                    .isCloseTo(expected.confidence(), within(EXACT));
            soft.assertThat(array(body, "evidence")).as("%s evidence", which)
                    .hasSize(DATA.evidenceOf(expected.id()).size());
            soft.assertThat(array(body, "projections")).as("%s projections", which)
                    .hasSize(DATA.projectionsOf(expected.id()).size());
        }
        soft.assertAll();
    }

    @Test
    void companyTrendsAreListedNewestFirst() {
        UUID meta = Ids.company("META");

        List<JsonNode> trends = elements(queryApi().get("/api/companies/{id}/trends", meta).json(200));

        assertThat(texts(trends, "id")).as("META trend ids, newest window first")
                .containsExactlyElementsOf(DATA.trendWindowsOf(meta).stream().map(t -> t.id().toString()).toList());
        assertThat(texts(trends, "trend_direction")).as("META directions, newest first")
                .containsExactly("mixed", "bearish", "bullish");
    }

    @Test
    void anUnknownTrendIsA404Problem() {
        UUID unknown = Ids.trendWindow("NOPE", 0);

        Problems.assertProblem(queryApi().get("/api/trends/{id}", unknown), 404, unknown.toString());
    }

    @Test
    void aMalformedTrendIdIsA400Problem() {
        Problems.assertProblem(queryApi().get("/api/trends/{id}", "12345"), 400, "uuid");
    }

    @Test
    void theTrendListFiltersByDirectionMostConfidentFirst() {
        List<JsonNode> bullish = elements(queryApi().request("GET", "/api/trends").query("direction", "bullish")
                .send().json(200));

        assertThat(labels(bullish)).as("bullish windows (ticker, start, confidence), most confident first")
                .containsExactlyElementsOf(expected(t -> t.trendDirection().value().equals("bullish"), 100));
        assertThat(number(bullish.get(0), "confidence")).as("the most confident bullish window (NVDA Q1)")
                .isCloseTo(0.91, within(EXACT));
        assertThat(text(bullish.get(0), "ticker")).isEqualTo("NVDA");
        assertThat(integer(bullish.get(0), "evidence_count")).as("its evidence count").isEqualTo(3);
    }

    @Test
    void theTrendListFiltersByMinimumConfidenceAndLimits() {
        List<JsonNode> confident = elements(queryApi().request("GET", "/api/trends").query("min_confidence", 0.75)
                .send().json(200));
        List<JsonNode> bearishTop2 = elements(queryApi().request("GET", "/api/trends").query("direction", "bearish")
                .query("limit", 2).send().json(200));

        assertThat(labels(confident)).as("windows with confidence >= 0.75")
                .containsExactlyElementsOf(expected(t -> t.confidence() >= 0.75, 100));
        // TSLA Q1 0.71, TSLA spring 0.66
        assertThat(texts(bearishTop2, "id")).as("the two most confident bearish windows")
                .containsExactly(Ids.trendWindow("TSLA", 0).toString(), Ids.trendWindow("TSLA", 1).toString());
        assertThat(labels(bearishTop2)).containsExactly("TSLA 2025-01-01 0.71", "TSLA 2025-04-01 0.66");
    }

    @Test
    void theUnfilteredTrendListHasEveryWindow() {
        List<JsonNode> all = elements(queryApi().get("/api/trends").json(200));

        assertThat(labels(all)).as("every window (ticker, start, confidence), most confident first")
                .containsExactlyElementsOf(expected(t -> true, 100));
        assertThat(texts(all, "id")).as("ids in that order").containsExactlyElementsOf(DATA.trendWindows().stream()
                .sorted(ORDER).map(t -> t.id().toString()).toList());
        Map<String, JsonNode> byId = all.stream().collect(Collectors.toMap(t -> text(t, "id"), Function.identity()));
        SoftAssertions soft = new SoftAssertions();
        for (TrendWindow w : DATA.trendWindows()) {
            JsonNode got = byId.get(w.id().toString());
            soft.assertThat(text(got, "company_id")).as("%s company", w.id()).isEqualTo(w.companyId().toString());
            soft.assertThat(instant(got, "window_end")).as("%s window_end", w.id()).isEqualTo(w.windowEnd());
            soft.assertThat(integer(got, "evidence_count")).as("%s evidence_count", w.id())
                    .isEqualTo(DATA.evidenceOf(w.id()).size());
        }
        soft.assertAll();
    }

    @Test
    void aBadTrendFilterIsA400NamingTheParameter() {
        Problems.assertProblem(queryApi().request("GET", "/api/trends").query("direction", "sideways").send(), 400,
                "direction");
        Problems.assertProblem(queryApi().request("GET", "/api/trends").query("min_confidence", 1.5).send(), 400,
                "min_confidence");
        Problems.assertProblem(queryApi().request("GET", "/api/trends").query("limit", 0).send(), 400, "limit");
    }

    /** The API's order of trend lists: most confident, newest window, id. */
    static final Comparator<TrendWindow> ORDER = Comparator.comparingDouble(TrendWindow::confidence).reversed()
            .thenComparing(TrendWindow::windowEnd, Comparator.reverseOrder())
            .thenComparing(TrendWindow::id, Ids.POSTGRES_ORDER);

    /** Labels of the windows that pass {@code filter}, in the API's order: {@code NVDA 2025-01-01 0.91}. */
    static List<String> expected(java.util.function.Predicate<TrendWindow> filter, int limit) {
        return DATA.trendWindows().stream().filter(filter).sorted(ORDER).limit(limit)
                .map(t -> label(DATA.company(t.companyId()).ticker(), t.windowStart(), t.confidence())).toList();
    }

    /** What a list shows of each window: ticker, start day and confidence. */
    static List<String> labels(List<JsonNode> windows) {
        return windows.stream().map(w -> label(text(w, "ticker"), instant(w, "window_start"), number(w, "confidence")))
                .toList();
    }

    private static String label(String ticker, java.time.Instant start, double confidence) {
        return ticker + " " + start.toString().substring(0, 10) + " " + String.format(java.util.Locale.ROOT, "%.2f",
                confidence);
    }
}
