package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * query-api: {@code GET /api/search?q&limit}, companies by ticker, alias or name, any case: exact ticker first, then
 * exact alias, exact name, then the partial matches in the same order; ties by ticker.
 */
public class SearchApiSuite extends StonksSuite {

    @Test
    void anExactTickerIsTheOnlyAndFirstMatch() {
        List<JsonNode> hits = search("AAPL");

        assertThat(hits).hasSize(1);
        JsonNode apple = hits.get(0);
        assertThat(text(apple, "id")).isEqualTo(Ids.company("AAPL").toString());
        assertThat(text(apple, "ticker")).isEqualTo("AAPL");
        assertThat(text(apple, "name")).isEqualTo("Apple Inc.");
        assertThat(text(apple, "matched_by")).isEqualTo("ticker");
        assertThat(text(apple, "matched")).isEqualTo("AAPL");
    }

    @Test
    void anAliasMatchesInAnyCase() {
        List<JsonNode> hits = search("aws");

        assertThat(texts(hits, "ticker")).containsExactly("AMZN");
        assertThat(text(hits.get(0), "matched_by")).isEqualTo("alias");
        assertThat(text(hits.get(0), "matched")).isEqualTo("AWS");
    }

    @Test
    void anExactAliasBeatsAPartialTicker() {
        // "goog" is the start of the ticker GOOGL but exactly its alias GOOG
        List<JsonNode> hits = search("goog");

        assertThat(texts(hits, "ticker")).containsExactly("GOOGL");
        assertThat(text(hits.get(0), "matched_by")).isEqualTo("alias");
        assertThat(text(hits.get(0), "matched")).isEqualTo("GOOG");
    }

    @Test
    void partialNameMatchesComeByTickerAndLimitCutsThem() {
        // Apple Inc., Amazon.com, Inc., Alphabet Inc., Meta Platforms, Inc., Tesla, Inc.
        List<JsonNode> all = search("inc");
        List<JsonNode> two = elements(queryApi().request("GET", "/api/search").query("q", "inc").query("limit", 2)
                .send().json(200));

        assertThat(texts(all, "ticker")).containsExactly("AAPL", "AMZN", "GOOGL", "META", "TSLA");
        assertThat(texts(all, "matched_by")).containsOnly("name");
        assertThat(texts(two, "ticker")).containsExactly("AAPL", "AMZN");
    }

    @Test
    void nothingMatchingIsAnEmptyList() {
        assertThat(search("zzqx")).isEmpty();
    }

    @Test
    void aMissingOrOverlongQueryIsA400NamingQ() {
        Problems.assertProblem(queryApi().get("/api/search"), 400, "'q'");
        ApiResponse tooLong = queryApi().request("GET", "/api/search").query("q", "x".repeat(65)).send();
        Problems.assertProblem(tooLong, 400, "'q'");
    }

    private List<JsonNode> search(String q) {
        return elements(queryApi().request("GET", "/api/search").query("q", q).send().json(200));
    }
}
