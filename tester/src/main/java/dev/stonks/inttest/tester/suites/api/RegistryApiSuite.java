package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.CompanyAlias;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * registry: {@code GET /api/registry/companies} (with aliases). Read-only for now: later CRUD tests create and delete
 * their own rows, so a redelivered run finds the seeded data unchanged.
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
}
