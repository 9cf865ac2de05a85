package dev.stonks.inttest.tester.suites.write;

import static dev.stonks.inttest.tester.suites.Fields.bool;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.object;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.tester.runner.Mutating;
import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * registry writes: a company of its own goes through create, read (registry and query-api), update, aliases,
 * sources and delete; the 409 and 400 contracts. Every company it creates it deletes, so a re-run finds the seeded
 * registry unchanged.
 */
@Mutating
public class RegistryCrudSuite extends StonksSuite {

    @Test
    void aCompanyGoesThroughCreateReadUpdateAliasesSourcesAndDelete() {
        String ticker = freshTicker();
        String alias = "Inttest " + ticker;

        ApiResponse created = registry().post("/api/registry/companies").json(Map.of("ticker", ticker,
                "name", "Inttest Probe Corp", "sector", "Industrials", "exchange", "NYSE",
                "aliases", List.of(alias))).send();

        JsonNode company = created.json(201);
        String id = text(company, "id");
        try {
            assertThat(created.header("Location")).as("Location").hasValueSatisfying(
                    l -> assertThat(l).endsWith("/api/registry/companies/" + id));
            assertThat(text(company, "ticker")).isEqualTo(ticker);
            assertThat(texts(elements(company.get("aliases")), "alias")).containsExactly(alias);

            JsonNode read = queryApi().get("/api/companies/{id}", id).json(200);
            assertThat(text(read, "name")).as("query-api sees the new company").isEqualTo("Inttest Probe Corp");
            JsonNode resolved = registry().request("GET", "/api/registry/resolve").query("symbol", alias.toUpperCase())
                    .send().json(200);
            assertThat(text(resolved, "matched_by")).isEqualTo("alias");
            assertThat(text(object(resolved, "company"), "id")).isEqualTo(id);

            JsonNode updated = registry().put("/api/registry/companies/{id}", id).json(Map.of("ticker", ticker,
                    "name", "Inttest Probe Holdings", "sector", "Financials", "exchange", "NASDAQ")).send().json(200);
            assertThat(text(updated, "name")).isEqualTo("Inttest Probe Holdings");
            assertThat(text(updated, "sector")).isEqualTo("Financials");

            JsonNode second = registry().post("/api/registry/companies/{id}/aliases", id)
                    .json(Map.of("alias", "Probe " + ticker)).send().json(201);
            assertThat(texts(elements(registry().get("/api/registry/companies/{id}/aliases", id).json(200)), "alias"))
                    .as("aliases, byte order").containsExactly(alias, "Probe " + ticker);
            registry().delete("/api/registry/aliases/{id}", text(second, "id")).send().expectStatus(204);
            assertThat(texts(elements(registry().get("/api/registry/companies/{id}/aliases", id).json(200)), "alias"))
                    .containsExactly(alias);

            JsonNode source = registry().post("/api/registry/companies/{id}/sources", id).json(Map.of("kind", "rss",
                    "url", "https://example.com/" + ticker.toLowerCase() + "/feed.xml")).send().json(201);
            assertThat(bool(source, "active")).as("a new source is active").isTrue();
            JsonNode off = registry().patch("/api/registry/sources/{id}", text(source, "id"))
                    .json(Map.of("active", false)).send().json(200);
            assertThat(bool(off, "active")).as("deactivated").isFalse();
            assertThat(elements(queryApi().get("/api/companies/{id}/sources", id).json(200)).stream()
                    .map(s -> bool(s, "active")).toList()).containsExactly(false);
        } finally {
            registry().delete("/api/registry/companies/{id}", id).send().expectStatus(204);
        }
        Problems.assertProblem(registry().get("/api/registry/companies/{id}", id), 404, id);
        Problems.assertProblem(queryApi().get("/api/companies/{id}", id), 404, id);
    }

    @Test
    void takenTickersAndAliasesAre409Problems() {
        Problems.assertProblem(registry().post("/api/registry/companies").json(Map.of("ticker", "AAPL",
                "name", "Not Apple", "sector", "Information Technology", "exchange", "NASDAQ")).send(), 409, "AAPL");

        String ticker = freshTicker();
        String id = text(registry().post("/api/registry/companies").json(Map.of("ticker", ticker, "name",
                "Inttest Conflicts", "sector", "Industrials", "exchange", "NYSE")).send().json(201), "id");
        try {
            Problems.assertProblem(registry().post("/api/registry/companies/{id}/aliases", id)
                    .json(Map.of("alias", "apple")).send(), 409, "apple");
            Problems.assertProblem(registry().put("/api/registry/companies/{id}", id).json(Map.of("ticker", "MSFT",
                    "name", "Inttest Conflicts", "sector", "Industrials", "exchange", "NYSE")).send(), 409, "MSFT");
        } finally {
            registry().delete("/api/registry/companies/{id}", id).send().expectStatus(204);
        }
    }

    @Test
    void aCompanyWithTradingHistoryCannotBeDeleted() {
        UUID aapl = Ids.company("AAPL");

        Problems.assertProblem(registry().delete("/api/registry/companies/{id}", aapl).send(), 409,
                aapl.toString());

        assertThat(text(registry().get("/api/registry/companies/{id}", aapl).json(200), "ticker")).isEqualTo("AAPL");
    }

    @Test
    void badBodiesAre400sNamingTheFieldAndUnknownRowsAre404s() {
        Problems.assertProblem(registry().post("/api/registry/companies").json(Map.of("ticker", "lower",
                "name", "x", "sector", "x", "exchange", "x")).send(), 400, "ticker");
        Problems.assertProblem(registry().post("/api/registry/companies").json(Map.of("ticker", freshTicker(),
                "sector", "x", "exchange", "x")).send(), 400, "name");
        UUID unknown = Ids.company("NOPE");
        Problems.assertProblem(registry().delete("/api/registry/companies/{id}", unknown).send(), 404,
                unknown.toString());
        Problems.assertProblem(registry().delete("/api/registry/aliases/{id}", unknown).send(), 404,
                unknown.toString());
    }

    /** {@code ZQ} and four random letters: never a dataset ticker, unlikely to meet another run's. */
    static String freshTicker() {
        StringBuilder s = new StringBuilder("ZQ");
        for (int i = 0; i < 4; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
