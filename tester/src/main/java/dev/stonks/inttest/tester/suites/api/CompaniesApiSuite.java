package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.bool;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.CompanyAlias;
import dev.stonks.inttest.stonks.dataset.CompetitorRelationship;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.Source;
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

/**
 * query-api: {@code GET /api/companies}, {@code GET /api/companies/{id}} (with aliases), its sources and its
 * competitors.
 */
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

    @ParameterizedTest(name = "{0}", quoteTextArguments = false)
    @FieldSource("TICKERS")
    void sourcesMatchTheDatasetInKindOrder(String ticker) {
        Company company = DATA.company(ticker);

        List<JsonNode> sources = elements(queryApi().get("/api/companies/{id}/sources", company.id()).json(200));

        List<Source> expected = DATA.sourcesOf(company.id());
        assertThat(texts(sources, "kind")).as("%s source kinds, in kind order", ticker)
                .containsExactly("rss", "sec_filing", "news_api", "earnings_call");
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            Source want = expected.get(i);
            JsonNode got = sources.get(i);
            soft.assertThat(text(got, "id")).as("%s %s id", ticker, want.kind().value())
                    .isEqualTo(want.id().toString());
            soft.assertThat(text(got, "url")).as("%s %s url", ticker, want.kind().value()).isEqualTo(want.url());
            soft.assertThat(bool(got, "active")).as("%s %s active", ticker, want.kind().value())
                    .isEqualTo(want.active());
            soft.assertThat(instant(got, "created_at")).as("%s %s created_at", ticker, want.kind().value())
                    .isEqualTo(want.createdAt());
        }
        soft.assertAll();
    }

    @Test
    void inactiveSourcesAreTheSeededOnes() {
        // TSLA's news_api and JPM's rss feeds are switched off in the dataset
        JsonNode tsla = elements(queryApi().get("/api/companies/{id}/sources", Ids.company("TSLA")).json(200)).get(2);
        JsonNode jpm = elements(queryApi().get("/api/companies/{id}/sources", Ids.company("JPM")).json(200)).get(0);

        assertThat(text(tsla, "kind")).isEqualTo("news_api");
        assertThat(bool(tsla, "active")).as("TSLA news_api active").isFalse();
        assertThat(text(jpm, "kind")).isEqualTo("rss");
        assertThat(bool(jpm, "active")).as("JPM rss active").isFalse();
    }

    @Test
    void competitorsAreListedStrongestFirst() {
        List<JsonNode> competitors = elements(queryApi().get("/api/companies/{id}/competitors", Ids.company("AAPL"))
                .json(200));

        // MSFT 0.62, GOOGL 0.58, META 0.35, TSLA 0.18, JPM 0.15
        assertThat(texts(competitors, "ticker")).as("AAPL's competitors, strongest first")
                .containsExactly("MSFT", "GOOGL", "META", "TSLA", "JPM");
        assertThat(competitors.stream().map(c -> number(c, "strength")).toList()).as("strengths")
                .containsExactly(0.62, 0.58, 0.35, 0.18, 0.15);
        JsonNode msft = competitors.get(0);
        assertThat(text(msft, "competitor_id")).isEqualTo(Ids.company("MSFT").toString());
        assertThat(text(msft, "name")).isEqualTo("Microsoft Corporation");
        assertThat(text(msft, "id")).as("relationship id")
                .isEqualTo(Ids.competitorRelationship("AAPL", "MSFT").toString());
    }

    @Test
    void everyCompanysCompetitorsMatchTheDataset() {
        SoftAssertions soft = new SoftAssertions();
        for (Company company : DATA.companies()) {
            List<JsonNode> competitors = elements(queryApi().get("/api/companies/{id}/competitors", company.id())
                    .json(200));
            Map<String, Double> actual = competitors.stream()
                    .collect(Collectors.toMap(c -> text(c, "competitor_id"), c -> number(c, "strength")));
            Map<String, Double> expected = DATA.competitorsOf(company.id()).stream().collect(Collectors.toMap(
                    r -> r.competitorId().toString(), CompetitorRelationship::strength));
            soft.assertThat(actual).as("%s competitors and strengths", company.ticker()).isEqualTo(expected);
            soft.assertThat(competitors.stream().map(c -> number(c, "strength")).toList())
                    .as("%s strongest first", company.ticker())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        soft.assertAll();
    }

    @Test
    void sourcesAndCompetitorsOfAnUnknownCompanyAre404Problems() {
        UUID unknown = Ids.company("NOPE");

        Problems.assertProblem(queryApi().get("/api/companies/{id}/sources", unknown), 404, unknown.toString());
        Problems.assertProblem(queryApi().get("/api/companies/{id}/competitors", unknown), 404, unknown.toString());
    }

    /** Aliases as strings: the API may list them as strings or as objects with an {@code alias} field. */
    static List<String> aliases(JsonNode company) {
        return array(company, "aliases").stream().map(a -> a.isTextual() ? a.asText() : text(a, "alias")).toList();
    }
}
