package dev.stonks.inttest.resultspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The budgets, memory, slow SQL and endpoint sources of a results file with the profiler's newer fields. */
class ResultsPageProfilingTest {

    private static final String SCRIPT_SQL = "SELECT '</code><script>alert(1)</script>' FROM trends WHERE id = $1 & x";

    private static final String RESULTS = """
            {"run_id":"stonks-inttest-2","image_tag":"abc123","started_at":"2026-01-15T12:00:00Z",
             "completed_at":"2026-01-15T12:08:00Z","exit_code":0,
             "seed_fingerprint":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
             "stages":{"infra_deploy":{"duration_s":4.2,"status":"ok"},"seed_data":{"duration_s":2.0,"status":"ok"},
                       "service_deploy":{"duration_s":12.9,"status":"ok"},
                       "integration_tests":{"duration_s":5.5,"status":"ok"},
                       "profiling":{"duration_s":3.1,"status":"ok"},"teardown":{"duration_s":1.8,"status":"ok"}},
             "tests":{"total":3,"passed":3,"failed":0,"errors":0,"skipped":0},
             "profiling":{"endpoints":{"/api/companies":{"p50_ms":3,"p95_ms":8,"p99_ms":9,"count":40,"source":"profile",
                                                         "warm":true,"first_call_ms":412.5},
                                       "/api/trends/{id}":{"p50_ms":200,"p95_ms":300,"p99_ms":612,"count":2,"source":"tests",
                                                           "warm":false,"first_call_ms":612},
                                       "/api/portfolios/{id}/positions":{"p50_ms":40,"p95_ms":61.25,"p99_ms":null,
                                           "max_ms":80,"count":40,"source":"profile","warm":true,"first_call_ms":null,
                                           "unavailable":{"p99_ms":"needs >= 100 samples, had 40"},
                                           "sql":{"requests":40,"calls_per_request":13,"statements":[
                                               {"query":"SELECT * FROM prices WHERE company_id = $1","calls_per_request":12,
                                                "total_ms":40.5},
                                               {"query":"SELECT * FROM portfolios WHERE id = $1","calls_per_request":1,
                                                "total_ms":2}]}}},
                          "probes":{"/api/nothing-here":{"p50_ms":1,"p95_ms":null,"p99_ms":null,"max_ms":2,"count":3,
                                    "source":"tests","warm":false,"unavailable":{"p95_ms":"needs >= 20 samples, had 3",
                                    "p99_ms":"needs >= 100 samples, had 3"}}},
                          "n_plus_one":[{"endpoint":"/api/portfolios/{id}/positions",
                                         "query":"SELECT * FROM prices WHERE company_id = $1","calls_per_request":12,
                                         "total_ms":40.5}],
                          "n_plus_one_threshold":5,
                          "regressions":[
                              {"kind":"endpoint","subject":"/api/companies","metric":"p95_ms","unit":"ms","actual":8,
                               "baseline":5.9,"ratio":1.356,"delta_ms":2.1},
                              {"kind":"stage","subject":"service_deploy","metric":"duration_s","unit":"s","actual":12.9,
                               "baseline":10.2,"ratio":1.2647,"delta_ms":2700}],
                          "baseline":{"target":"github.com/acme/stonks@local",
                              "seed_fingerprint":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                              "runs":["stonks-inttest-r3","stonks-inttest-r2","stonks-inttest-r1"],"min_ratio":0.2,
                              "min_delta_ms":5},
                          "slow_endpoints":["/api/trends/{id}"],"slow_threshold_ms":500,
                          "test_calls":{"/api/companies":{"p50_ms":30,"p95_ms":1900,"p99_ms":1900,"max_ms":1900,"count":3}},
                          "memory":{"query-api":{"rss_mb":180.5,"peak_rss_mb":240.0,"source":"proc"},
                                    "risk-engine":{"rss_mb":150.0,"source":"metrics-api"}},
                          "sql":{"statements":[
                              {"query":"set below","calls":40,"mean_ms":120.5,"max_ms":300,
                               "total_ms":4820,"rows":40,"slow":true},
                              {"query":"SELECT 1","calls":3,"mean_ms":0.1,"max_ms":0.2,"total_ms":0.3,"rows":3,
                               "slow":false}],"slow_mean_ms":100},
                          "unavailable":{"redis":"no pid recorded"}},
             "budgets":[
               {"metric":"seed_insertion_s","limit":30,"unit":"s","actual":8.1,"subject":"seed_data","within":true,
                "action":"Batch INSERT optimization"},
               {"metric":"service_startup_s","limit":30,"unit":"s","actual":45.2,"subject":"risk-engine",
                "within":false,"exceeded_by":["risk-engine","query-api"],"action":"Reduce import time, lazy loading"},
               {"metric":"api_p95_ms","limit":200,"unit":"ms","actual":300,"subject":"/api/trends/{id}","within":false,
                "exceeded_by":["/api/trends/{id}"],"action":"Query optimization, indexes",
                "cold":[{"subject":"POST /api/trading/backtest","actual":480},{"subject":"/api/x","actual":12.5}]},
               {"metric":"api_p99_ms","limit":500,"unit":"ms","actual":null,"subject":null,"within":null,
                "exceeded_by":[],"action":"Connection pooling, caching","reason":"profiling did not run"},
               {"metric":"total_pipeline_s","limit":600,"unit":"s","actual":480,"subject":null,"within":true,
                "action":"Parallelize stages"}]}
            """;

    @Test
    void everyBudgetHasARowWithItsLimitActualSubjectAndMarker() throws Exception {
        // When
        Document doc = parse(ResultsPage.render(results()));

        // Then: one row per budget, in the results' order, with the state the entry says
        List<Element> rows = budgetRows(doc);
        assertThat(rows).extracting(r -> cell(r, 0)).containsExactly("seed_insertion_s", "service_startup_s",
                "api_p95_ms", "api_p99_ms", "total_pipeline_s");
        assertThat(rows).extracting(r -> r.getAttribute("class")).containsExactly("budget within", "budget over",
                "budget over", "budget unmeasured", "budget within");
        assertThat(rows).extracting(r -> cell(r, 4)).containsExactly("\u2713 within", "\u2717 over", "\u2717 over",
                "\u2014 not measured", "\u2713 within");
        Element startup = rows.get(1);
        assertThat(cell(startup, 1)).isEqualTo("< 30 s");
        assertThat(cell(startup, 2)).isEqualTo("45.2 s");
        assertThat(cell(startup, 3)).isEqualTo("risk-engine");
        assertThat(cell(startup, 5)).contains("risk-engine, query-api", "Reduce import time, lazy loading");
        assertThat(cell(rows.get(3), 5)).isEqualTo("profiling did not run");
        assertThat(cell(rows.get(3), 2)).isEqualTo("\u2014");
        assertThat(doc.getDocumentElement().getTextContent()).contains("2 of 5 within (1 not measured)");
    }

    @Test
    void aBudgetWithinItsLimitFlipsToOverWhenTheEntrySaysSo() throws Exception {
        ObjectNode results = results();
        ((ObjectNode) results.get("budgets").get(0)).put("within", false);

        List<Element> rows = budgetRows(parse(ResultsPage.render(results)));

        assertThat(rows.get(0).getAttribute("class")).isEqualTo("budget over");
        assertThat(cell(rows.get(0), 5)).contains("Batch INSERT optimization");
    }

    @Test
    void sqlTextIsEscapedAndShownVerbatim() throws Exception {
        // When
        String html = ResultsPage.render(results());
        Document doc = parse(html);

        // Then: no markup from the statement reaches the page, and the reader sees the statement as it was
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        Element table = table(doc, "sql");
        NodeList codes = table.getElementsByTagName("code");
        assertThat(codes.getLength()).isEqualTo(2);
        assertThat(codes.item(0).getTextContent()).isEqualTo(SCRIPT_SQL);
        List<Element> rows = rows(table);
        assertThat(rows.get(0).getAttribute("class")).isEqualTo("slow");
        assertThat(cell(rows.get(0), 1)).isEqualTo("40");
        assertThat(cell(rows.get(0), 2)).isEqualTo("121 ms");
        assertThat(cell(rows.get(0), 6)).isEqualTo("slow");
        assertThat(cell(rows.get(1), 6)).isEmpty();
        assertThat(html).contains("1 slow (mean above 100 ms)");
    }

    @Test
    void memoryIsABarPerServiceAndMeasureWithAMissingPeakNotDrawn() throws Exception {
        // When
        Document doc = parse(ResultsPage.render(results()));

        // Then: the memory chart follows its heading; rss and peak for query-api, rss only for risk-engine
        Element chart = chartAfter(doc, "Memory per service");
        NodeList rects = chart.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(3);
        double rss = Double.parseDouble(((Element) rects.item(0)).getAttribute("width"));
        double peak = Double.parseDouble(((Element) rects.item(1)).getAttribute("width"));
        assertThat(peak / rss).isCloseTo(240.0 / 180.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(chart.getTextContent()).contains("query-api", "risk-engine", "n/a", "MiB");
    }

    @Test
    void theEndpointPlotSaysWhichFiguresAreWarmAndWhichAreTheTestsCalls() throws Exception {
        String html = ResultsPage.render(results());
        Element chart = chartAfter(parse(html), "Endpoint latency");

        assertThat(chart.getTextContent()).contains("/api/companies [warm]", "/api/trends/{id} [tests]",
                "the profiler's warm measurement, 40 calls", "the tests' own calls, 2 calls");
        assertThat(html).contains("The tests' own calls (cold first calls included)", "Not measured: <b>redis</b>");
    }

    @Test
    void theSummaryTableHasARowPerEndpointWithFirstCallWarmOrColdNPlusOneAndRegression() throws Exception {
        // When
        Document doc = parse(ResultsPage.render(results()));

        // Then: sorted by path; a null percentile is a dash with the reason as its title
        Element table = table(doc, "endpoints");
        List<Element> rows = rows(table);
        assertThat(rows).extracting(r -> r.getAttribute("data-endpoint")).containsExactly("/api/companies",
                "/api/portfolios/{id}/positions", "/api/trends/{id}");
        assertThat(rows).extracting(r -> r.getAttribute("class")).containsExactly("warm regressed", "warm", "cold");
        Element companies = rows.get(0);
        assertThat(cells(companies)).containsExactly("/api/companies", "3 ms", "8 ms", "9 ms", "413 ms", "warm", "40",
                "", "", "+36% (5.9 \u2192 8 ms)");
        Element positions = rows.get(1);
        assertThat(cell(positions, 3)).isEqualTo("\u2014");
        assertThat(((Element) positions.getElementsByTagName("td").item(3)).getAttribute("title"))
                .isEqualTo("needs >= 100 samples, had 40");
        assertThat(cell(positions, 4)).isEqualTo("\u2014");
        assertThat(cell(positions, 8)).isEqualTo("12/req");
        Element trends = rows.get(2);
        assertThat(cell(trends, 4)).isEqualTo("612 ms");
        assertThat(cell(trends, 5)).isEqualTo("cold");
        assertThat(cell(trends, 7)).isEqualTo("slow");
        // the probe is no endpoint: named apart, not in the table
        assertThat(text(doc)).contains("Probes of routes the target does not have (not counted as endpoints): "
                + "/api/nothing-here (3 calls)");
        assertThat(text(table)).doesNotContain("nothing-here");
    }

    @Test
    void theNPlusOneStatementsAndTheSqlPerRequestOfEachEndpointAreListed() throws Exception {
        Document doc = parse(ResultsPage.render(results()));

        List<Element> rows = rows(table(doc, "n-plus-one"));
        assertThat(rows).hasSize(1);
        assertThat(cells(rows.get(0))).containsExactly("/api/portfolios/{id}/positions",
                "SELECT * FROM prices WHERE company_id = $1", "12", "40.5 ms");
        assertThat(text(doc)).contains("Statements run more than 5 times per request of one endpoint");
        List<Element> sql = rows(table(doc, "endpoint-sql"));
        assertThat(cells(sql.get(0))).containsExactly("/api/portfolios/{id}/positions", "40", "13",
                "SELECT * FROM prices WHERE company_id = $1", "12", "40.5 ms");
        assertThat(cells(sql.get(1))).containsExactly("SELECT * FROM portfolios WHERE id = $1", "1", "2 ms");

        // none found: said so, no table
        ObjectNode results = results();
        ((ObjectNode) results.get("profiling")).remove("n_plus_one");
        String html = ResultsPage.render(results);
        assertThat(html).contains("No statement ran more than 5 times per request of an endpoint.")
                .doesNotContain("class=\"n-plus-one\"");
    }

    @Test
    void theRegressionsOfEndpointsAndStagesFollowTheBaselineTheyWereMeasuredAgainst() throws Exception {
        Document doc = parse(ResultsPage.render(results()));

        assertThat(text(byClass(doc, "p", "baseline"))).isEqualTo("Compared with 3 earlier passing runs of "
                + "github.com/acme/stonks@local with seed sha256:0123456789abcdef0123456789abcdef0123456789abcdef"
                + "0123456789abcdef (the median of each figure); a regression is worse by more than 20% and more than 5 "
                + "ms. Runs: stonks-inttest-r3, stonks-inttest-r2, stonks-inttest-r1.");
        List<Element> rows = rows(table(doc, "regressions"));
        assertThat(rows).extracting(ResultsPageProfilingTest::cells).containsExactly(
                List.of("endpoint", "/api/companies", "p95_ms", "5.9 ms", "8 ms", "+36% (+2.1 ms)"),
                List.of("stage", "service_deploy", "duration_s", "10.2 s", "12.9 s", "+26% (+2.7 s)"));
        assertThat(text(doc)).contains("seed fingerprint", "sha256:0123456789abcdef");

        // too few earlier runs: the reason, and no table
        ObjectNode results = results();
        ObjectNode profiling = (ObjectNode) results.get("profiling");
        profiling.putArray("regressions");
        profiling.putObject("baseline").put("target", "local@local").putNull("seed_fingerprint").putArray("runs");
        ((ObjectNode) profiling.get("baseline")).put("reason", "only 1 earlier passing run of local@local (3 needed)");
        Document without = parse(ResultsPage.render(results));
        assertThat(text(byClass(without, "p", "baseline"))).isEqualTo("Not compared with earlier runs: only 1 earlier "
                + "passing run of local@local (3 needed)");
        assertThat(without.getElementsByTagName("table").getLength()).isEqualTo(
                doc.getElementsByTagName("table").getLength() - 1);
        assertThat(rows(table(without, "endpoints")).get(0).getAttribute("class")).isEqualTo("warm");
    }

    @Test
    void theColdFiguresStandBesideTheLatencyBudgetsTheyAreNotJudgedBy() throws Exception {
        List<Element> rows = budgetRows(parse(ResultsPage.render(results())));

        assertThat(cell(rows.get(2), 5)).endsWith("cold, not judged: POST /api/trading/backtest 480 ms, /api/x 12.5 ms");
        assertThat(cell(rows.get(1), 5)).doesNotContain("cold");
    }

    @Test
    void aNullPercentileDrawsNoBarButNA() throws Exception {
        Element chart = chartAfter(parse(ResultsPage.render(results())), "Endpoint latency");

        // 3 endpoints x 3 percentiles, less the missing p99
        assertThat(chart.getElementsByTagName("rect").getLength()).isEqualTo(8);
        assertThat(chart.getTextContent()).contains("n/a");
    }

    private static List<String> cells(Element row) {
        List<String> cells = new ArrayList<>();
        NodeList tds = row.getElementsByTagName("td");
        for (int i = 0; i < tds.getLength(); i++) {
            cells.add(tds.item(i).getTextContent());
        }
        return cells;
    }

    private static String text(org.w3c.dom.Node node) {
        org.w3c.dom.Node n = node instanceof Document d ? d.getDocumentElement() : node;
        return n.getTextContent().replaceAll("\\s+", " ").strip();
    }

    private static Element byClass(Document doc, String tag, String cssClass) {
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).getAttribute("class").equals(cssClass)) {
                return (Element) all.item(i);
            }
        }
        throw new AssertionError("no " + tag + "." + cssClass);
    }

    private static ObjectNode results() throws Exception {
        ObjectNode results = (ObjectNode) new ObjectMapper().readTree(RESULTS);
        ((ObjectNode) results.at("/profiling/sql/statements/0")).put("query", SCRIPT_SQL);
        return results;
    }

    private static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
    }

    private static Element table(Document doc, String cssClass) {
        NodeList tables = doc.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            if (t.getAttribute("class").equals(cssClass)) {
                return t;
            }
        }
        throw new AssertionError("no table." + cssClass);
    }

    private static List<Element> budgetRows(Document doc) {
        return rows(table(doc, "budgets"));
    }

    /** The table's rows without its header row. */
    private static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        NodeList trs = table.getElementsByTagName("tr");
        for (int i = 1; i < trs.getLength(); i++) {
            rows.add((Element) trs.item(i));
        }
        return rows;
    }

    private static String cell(Element row, int index) {
        return row.getElementsByTagName("td").item(index).getTextContent();
    }

    /** The first svg after the h2 with this text. */
    private static Element chartAfter(Document doc, String heading) {
        NodeList all = doc.getElementsByTagName("*");
        boolean seen = false;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getTagName().equals("h2")) {
                seen = e.getTextContent().equals(heading);
            } else if (seen && e.getTagName().equals("svg")) {
                return e;
            }
        }
        throw new AssertionError("no chart after " + heading);
    }
}
