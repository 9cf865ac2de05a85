package dev.stonks.inttest.tester.suites.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.tester.suites.frontend.PageManifest.Endpoint;
import dev.stonks.inttest.tester.suites.frontend.PageManifest.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageManifestTest {

    @Test
    void theShippedManifestHasEveryPageOfTheApiDocument() {
        PageManifest manifest = PageManifest.load();

        assertThat(manifest.pages()).extracting(Page::name).containsExactly("Home", "CompanyDetail", "Trends",
                "TrendDetail", "Recommendations", "Trading", "Risk", "Agents", "Events", "Ops");
        assertThat(manifest.pages()).allSatisfy(p -> assertThat(p.renders()).as("%s renders", p.name()).isNotBlank());
    }

    @Test
    void homeAndCompanyDetailCallWhatTheApiDocumentLists() {
        PageManifest manifest = PageManifest.load();

        assertThat(calls(manifest.page("Home"))).containsExactly("query-api GET /api/companies",
                "query-api GET /api/ops/pipeline/health", "query-api GET /api/ops/ingestion/summary",
                "query-api GET /api/recommendations?status=open", "query-api GET /api/portfolio/snapshots?limit=30");
        // company, sources, competitors, macro impacts by ticker, documents, trends, recommendations, positions,
        // exposure, aliases, decisions, search
        Page detail = manifest.page("CompanyDetail");
        String aapl = Ids.company("AAPL").toString();
        assertThat(detail.endpoints()).hasSize(12);
        assertThat(calls(detail)).containsExactly(
                "query-api GET /api/companies/{id}",
                "query-api GET /api/companies/{id}/sources",
                "query-api GET /api/companies/{id}/competitors",
                "query-api GET /api/companies/{ticker}/macro-impacts",
                "query-api GET /api/companies/{id}/documents?limit=20&offset=0",
                "query-api GET /api/companies/{id}/trends",
                "query-api GET /api/companies/{id}/recommendations",
                "trading GET /api/trading/positions?company_id=" + aapl,
                "risk GET /api/risk/exposure?company_id=" + aapl,
                "registry GET /api/registry/companies/{id}/aliases",
                "trading GET /api/trading/decisions?company_id=" + aapl + "&limit=20",
                "query-api GET /api/search?q=AAPL");
        assertThat(detail.endpoints().get(0).pathValues()).containsExactly(aapl);
        assertThat(detail.endpoints().get(3).pathValues()).as("macro impacts go by ticker").containsExactly("AAPL");
    }

    @Test
    void referencesResolveToTheDatasetsIds() {
        assertThat(DatasetRefs.resolve("company:NVDA")).isEqualTo(Ids.company("NVDA").toString());
        assertThat(DatasetRefs.resolve("trend:NVDA/0")).isEqualTo(Ids.trendWindow("NVDA", 0).toString());
        assertThat(DatasetRefs.resolve("document:AAPL/5")).isEqualTo(Ids.document("AAPL", 5).toString());
        assertThat(DatasetRefs.resolve("source:JPM/rss"))
                .isEqualTo(Ids.source("JPM", dev.stonks.inttest.stonks.dataset.SourceKind.RSS).toString());
        assertThat(DatasetRefs.resolve("recommendation:AAPL/3"))
                .isEqualTo(Ids.nameBased("recommendation/AAPL/3").toString());
        assertThat(DatasetRefs.resolve("agent:paper-trader")).isEqualTo(Ids.nameBased("agent/paper-trader").toString());
        assertThat(DatasetRefs.resolve("event:4")).isEqualTo(Ids.nameBased("global-event/4").toString());
        assertThat(DatasetRefs.resolve("decision:AAPL/0/1"))
                .isEqualTo(Ids.nameBased("trading-decision/AAPL/0/1").toString());
        assertThat(DatasetRefs.resolve("ticker:JPM")).isEqualTo("JPM");
        assertThat(DatasetRefs.resolve("20")).isEqualTo("20");
        assertThat(DatasetRefs.resolve("literal:a:b")).isEqualTo("a:b");
    }

    @Test
    void aBadReferenceIsRejectedSayingWhy() {
        assertThatThrownBy(() -> DatasetRefs.resolve("company:XXX")).hasMessageContaining("'XXX' is not a dataset "
                + "ticker");
        assertThatThrownBy(() -> DatasetRefs.resolve("trend:NVDA")).hasMessageContaining("needs 2 part(s)");
        assertThatThrownBy(() -> DatasetRefs.resolve("trend:NVDA/x")).hasMessageContaining("not an index");
        assertThatThrownBy(() -> DatasetRefs.resolve("compny:AAPL")).hasMessageContaining("unknown reference kind "
                + "'compny'");
    }

    @Test
    void mistakesInTheManifestNameThePageAndTheEndpoint() {
        assertRejected(page("get: querry /api/companies"), "page P, endpoint 1", "unknown service 'querry'");
        assertRejected(page("get: query-api /api/companies/{id}"), "placeholders [id] and the params [] differ");
        assertRejected(page("get: query-api /api/companies/{id}\n        params: {id: company:ZZZ}"),
                "'ZZZ' is not a dataset ticker");
        assertRejected(page("get: query-api /api/companies\n        expect: array\n        fields: {id: uuid}"),
                "use each: for an array");
        assertRejected(page("get: query-api /api/companies\n        expect: list"), "expect: 'list'");
        assertRejected(page("get: query-api /api/x\n        fields: {id: uid}"), "unknown field type 'uid'");
        assertRejected(page("get: query-api /api/x\n        feilds: {id: uuid}"), "feilds");
        assertRejected("pages:\n  - page: P\n    endpoints: []\n", "page P lists no endpoints");
        assertRejected("pages:\n  - page: P\n    endpoints:\n      - get: query-api /a\n"
                + "  - page: P\n    endpoints:\n      - get: query-api /b\n", "page P is listed twice");
    }

    private static void assertRejected(String yaml, String... fragments) {
        assertThatThrownBy(() -> PageManifest.parse(yaml)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    private static String page(String endpoint) {
        return "pages:\n  - page: P\n    endpoints:\n      - " + endpoint + "\n";
    }

    private static List<String> calls(Page page) {
        return page.endpoints().stream().map(Endpoint::describe).toList();
    }
}
