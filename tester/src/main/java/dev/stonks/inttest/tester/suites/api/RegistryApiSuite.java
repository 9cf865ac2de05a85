package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.object;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.CompanyAlias;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * registry reads: {@code GET /api/registry/companies}, {@code GET /api/registry/companies/{id}} (with aliases) and
 * {@code GET /api/registry/resolve?symbol}. Read-only; the CRUD round trip writes, so it belongs in a suite marked
 * {@code @Mutating} that creates and deletes its own company.
 */
public class RegistryApiSuite extends StonksSuite {

    @Test
    void registryListsEveryCompany() {
        List<JsonNode> companies = elements(registry().get("/api/registry/companies").json(200));

        assertThat(texts(companies, "ticker")).as("registry tickers, in ticker order")
                .containsExactlyElementsOf(StonksDataset.TICKERS.stream().sorted().toList());
        assertThat(texts(companies, "id")).as("registry ids")
                .containsExactlyInAnyOrderElementsOf(DATA.companies().stream().map(c -> c.id().toString()).toList());
        for (JsonNode c : companies) {
            Company expected = DATA.company(text(c, "ticker"));
            assertThat(text(c, "name")).as("name of %s", expected.ticker()).isEqualTo(expected.name());
            assertThat(CompaniesApiSuite.aliases(c)).as("aliases of %s", expected.ticker())
                    .containsExactlyInAnyOrderElementsOf(
                            DATA.aliasesOf(expected.id()).stream().map(CompanyAlias::alias).toList());
        }
    }

    @Test
    void oneCompanyOfTheRegistryCarriesItsAliases() {
        Company jpm = DATA.company("JPM");

        JsonNode body = registry().get("/api/registry/companies/{id}", jpm.id()).json(200);

        assertThat(text(body, "id")).isEqualTo(jpm.id().toString());
        assertThat(text(body, "ticker")).isEqualTo("JPM");
        assertThat(text(body, "name")).isEqualTo("JPMorgan Chase & Co.");
        assertThat(text(body, "exchange")).isEqualTo("NYSE");
        assertThat(CompaniesApiSuite.aliases(body)).as("aliases, byte order").containsExactly("Chase", "JPMorgan",
                "JPMorgan Chase");
    }

    @Test
    void resolveFindsATickerInAnyCase() {
        JsonNode body = registry().request("GET", "/api/registry/resolve").query("symbol", "msft").send().json(200);

        assertThat(text(body, "matched_by")).isEqualTo("ticker");
        assertThat(text(object(body, "company"), "id")).isEqualTo(Ids.company("MSFT").toString());
        assertThat(text(object(body, "company"), "name")).isEqualTo("Microsoft Corporation");
    }

    @Test
    void resolveFindsAnAlias() {
        JsonNode facebook = registry().request("GET", "/api/registry/resolve").query("symbol", "Facebook").send()
                .json(200);
        JsonNode goog = registry().request("GET", "/api/registry/resolve").query("symbol", "GOOG").send().json(200);

        assertThat(text(facebook, "matched_by")).isEqualTo("alias");
        assertThat(text(object(facebook, "company"), "ticker")).isEqualTo("META");
        // GOOG is no ticker (GOOGL is), but an alias of Alphabet
        assertThat(text(goog, "matched_by")).isEqualTo("alias");
        assertThat(text(object(goog, "company"), "ticker")).isEqualTo("GOOGL");
    }

    @Test
    void anUnknownSymbolIsA404AndAMissingOneA400() {
        Problems.assertProblem(registry().request("GET", "/api/registry/resolve").query("symbol", "ZZZZ").send(), 404,
                "ZZZZ");
        Problems.assertProblem(registry().get("/api/registry/resolve"), 400, "symbol");
    }

    @Test
    void anUnknownRegistryCompanyIsA404AndAMalformedIdA400() {
        UUID unknown = Ids.company("NOPE");

        Problems.assertProblem(registry().get("/api/registry/companies/{id}", unknown), 404, unknown.toString());
        Problems.assertProblem(registry().get("/api/registry/companies/{id}", "42"), 400, "uuid");
    }
}
