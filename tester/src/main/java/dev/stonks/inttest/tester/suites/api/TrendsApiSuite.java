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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** query-api: {@code GET /api/trends/{id}} (evidence, projections) and {@code GET /api/companies/{id}/trends}. */
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
}
