package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.CompanyAlias;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** query-api: {@code GET /api/companies} and {@code GET /api/companies/{id}} (with aliases). */
public class CompaniesApiSuite extends StonksSuite {

    static final List<String> TICKERS = StonksDataset.TICKERS;
    /** Lists of companies are ordered by ticker. */
    static final List<String> BY_TICKER = TICKERS.stream().sorted().toList();

    @Test
    void listsEveryCompanyWithItsIdAndName() {
        List<JsonNode> companies = elements(queryApi().get("/api/companies").json(200));

        assertThat(companies).as("companies").hasSize(DATA.companies().size());
        assertThat(texts(companies, "ticker")).as("tickers, in ticker order").containsExactlyElementsOf(BY_TICKER);
        Map<String, JsonNode> byTicker = companies.stream()
                .collect(Collectors.toMap(c -> text(c, "ticker"), Function.identity()));
        SoftAssertions soft = new SoftAssertions();
        for (Company expected : DATA.companies()) {
            JsonNode actual = byTicker.get(expected.ticker());
            soft.assertThat(text(actual, "id")).as("%s id", expected.ticker()).isEqualTo(expected.id().toString());
            soft.assertThat(text(actual, "name")).as("%s name", expected.ticker()).isEqualTo(expected.name());
        }
        soft.assertAll();
    }

    @Test
    void companyDetailCarriesIdentityAndAliases() {
        Company apple = DATA.company("AAPL");

        JsonNode body = queryApi().get("/api/companies/{id}", apple.id()).json(200);

        assertThat(text(body, "id")).isEqualTo(apple.id().toString());
        assertThat(text(body, "ticker")).isEqualTo("AAPL");
        assertThat(text(body, "name")).as("name").isEqualTo("Apple Inc.");
        assertThat(text(body, "sector")).as("sector").isEqualTo("Information Technology");
        assertThat(text(body, "exchange")).as("exchange").isEqualTo("NASDAQ");
        assertThat(aliases(body)).as("aliases of AAPL").containsExactlyInAnyOrder("Apple", "Apple Computer");
    }

    @ParameterizedTest(name = "{0}", quoteTextArguments = false)
    @FieldSource("TICKERS")
    void companyDetailMatchesTheDataset(String ticker) {
        Company expected = DATA.company(ticker);

        JsonNode body = queryApi().get("/api/companies/{id}", expected.id()).json(200);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(text(body, "ticker")).as("ticker").isEqualTo(ticker);
        soft.assertThat(text(body, "name")).as("name").isEqualTo(expected.name());
        soft.assertThat(text(body, "sector")).as("sector").isEqualTo(expected.sector());
        soft.assertThat(text(body, "exchange")).as("exchange").isEqualTo(expected.exchange());
        soft.assertThat(aliases(body)).as("aliases")
                .containsExactlyInAnyOrderElementsOf(
                        DATA.aliasesOf(expected.id()).stream().map(CompanyAlias::alias).toList());
        soft.assertAll();
    }

    @Test
    void anUnknownCompanyIsA404Problem() {
        UUID unknown = Ids.company("NOPE");

        ApiResponse response = queryApi().get("/api/companies/{id}", unknown);

        Problems.assertProblem(response, 404, unknown.toString());
    }

    @Test
    void aMalformedCompanyIdIsA400Problem() {
        ApiResponse response = queryApi().get("/api/companies/{id}", "not-a-uuid");

        Problems.assertProblem(response, 400, "uuid");
    }

    /** Aliases as strings: the API may list them as strings or as objects with an {@code alias} field. */
    static List<String> aliases(JsonNode company) {
        return array(company, "aliases").stream().map(a -> a.isTextual() ? a.asText() : text(a, "alias")).toList();
    }
}
