package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.field;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.Recommendation;
import dev.stonks.inttest.stonks.dataset.RecommendationCitation;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * query-api: {@code GET /api/recommendations?status}, {@code GET /api/recommendations/{id}} (citations) and
 * {@code GET /api/companies/{id}/recommendations}: four per company, one per trend window plus an open hold.
 */
public class RecommendationsApiSuite extends StonksSuite {
    private static final double EXACT = 1e-9;

    @Test
    void openRecommendationsComeNewestFirst() {
        List<JsonNode> open = elements(queryApi().request("GET", "/api/recommendations").query("status", "open")
                .send().json(200));

        assertThat(texts(open, "id")).as("open recommendations, newest first")
                .containsExactlyElementsOf(ids(DATA.recommendations().stream()
                        .filter(r -> r.status().equals("open")).toList()));
        assertThat(texts(open, "status")).containsOnly("open");
    }

    @Test
    void aRecommendationCarriesItsCitationsQuotedFromTheDocuments() {
        // AAPL's open hold of 27 June 2025, citing AAPL's newest base document
        Recommendation hold = DATA.recommendation(Ids.recommendation("AAPL", 3));

        JsonNode body = queryApi().get("/api/recommendations/{id}", hold.id()).json(200);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(text(body, "company_id")).isEqualTo(Ids.company("AAPL").toString());
        soft.assertThat(text(body, "action")).as("action").isEqualTo("hold");
        soft.assertThat(number(body, "conviction")).as("conviction").isCloseTo(0.5, within(EXACT));
        soft.assertThat(number(body, "target_price")).as("target_price").isCloseTo(hold.targetPrice(), within(EXACT));
        soft.assertThat(text(body, "rationale")).as("rationale").isEqualTo(hold.rationale());
        soft.assertThat(text(body, "status")).as("status").isEqualTo("open");
        soft.assertThat(instant(body, "created_at")).isEqualTo(hold.createdAt());
        soft.assertThat(field(body, "closed_at").isNull()).as("an open recommendation has no closed_at").isTrue();
        List<JsonNode> citations = array(body, "citations");
        List<RecommendationCitation> expected = DATA.citationsOf(hold.id());
        soft.assertThat(texts(citations, "document_id")).as("cited documents")
                .containsExactlyElementsOf(expected.stream().map(c -> c.documentId().toString()).toList());
        soft.assertThat(texts(citations, "quote")).as("quotes")
                .containsExactlyElementsOf(expected.stream().map(RecommendationCitation::quote).toList());
        soft.assertAll();
        for (RecommendationCitation c : expected) {
            assertThat(DATA.text(c.documentId())).as("the quote is verbatim from the document").contains(c.quote());
        }
    }

    @Test
    void aCompanysRecommendationsFollowItsTrendWindows() {
        UUID tsla = Ids.company("TSLA");

        List<JsonNode> recs = elements(queryApi().get("/api/companies/{id}/recommendations", tsla).json(200));

        assertThat(texts(recs, "id")).containsExactlyElementsOf(ids(DATA.recommendationsOf(tsla)));
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode rec : recs) {
            Recommendation want = DATA.recommendation(UUID.fromString(text(rec, "id")));
            soft.assertThat(text(rec, "action")).as("%s action", want.id()).isEqualTo(want.action());
            soft.assertThat(number(rec, "conviction")).as("%s conviction", want.id())
                    .isCloseTo(want.conviction(), within(EXACT));
            soft.assertThat(number(rec, "target_price")).as("%s target", want.id())
                    .isCloseTo(want.targetPrice(), within(EXACT));
            soft.assertThat(text(rec, "status")).as("%s status", want.id()).isEqualTo(want.status());
            soft.assertThat(integer(rec, "citation_count")).as("%s citations", want.id())
                    .isEqualTo(DATA.citationsOf(want.id()).size());
        }
        soft.assertAll();
        // TSLA: bearish, bearish, mixed -> sell (closed), sell (closed), hold (open), and the open hold
        assertThat(texts(recs, "action")).containsExactly("hold", "hold", "sell", "sell");
    }

    @Test
    void unknownAndMalformedRecommendationsAndABadStatusAreProblems() {
        UUID unknown = Ids.recommendation("NOPE", 0);

        Problems.assertProblem(queryApi().get("/api/recommendations/{id}", unknown), 404, unknown.toString());
        Problems.assertProblem(queryApi().get("/api/recommendations/{id}", "rec-1"), 400, "uuid");
        Problems.assertProblem(queryApi().request("GET", "/api/recommendations").query("status", "pending").send(),
                400, "status");
    }

    /** Ids newest first, ties by id, as the API lists them. */
    static List<String> ids(List<Recommendation> recs) {
        return recs.stream().sorted(Comparator.comparing(Recommendation::createdAt).reversed()
                .thenComparing(Recommendation::id, Ids.POSTGRES_ORDER)).map(r -> r.id().toString()).toList();
    }
}
