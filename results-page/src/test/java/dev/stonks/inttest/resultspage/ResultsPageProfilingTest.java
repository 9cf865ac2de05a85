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
             "stages":{"infra_deploy":{"duration_s":4.2,"status":"ok"},"seed_data":{"duration_s":2.0,"status":"ok"},
                       "service_deploy":{"duration_s":12.9,"status":"ok"},
                       "integration_tests":{"duration_s":5.5,"status":"ok"},
                       "profiling":{"duration_s":3.1,"status":"ok"},"teardown":{"duration_s":1.8,"status":"ok"}},
             "tests":{"total":3,"passed":3,"failed":0,"errors":0,"skipped":0},
             "profiling":{"endpoints":{"/api/companies":{"p50_ms":3,"p95_ms":8,"p99_ms":9,"count":40,"source":"profile"},
                                       "/api/trends/{id}":{"p50_ms":200,"p95_ms":300,"p99_ms":612,"count":2,"source":"tests"}},
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
                "exceeded_by":["/api/trends/{id}"],"action":"Query optimization, indexes"},
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
