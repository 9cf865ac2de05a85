package dev.stonks.inttest.resultspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ResultsPageTest {

    private static final String RESULTS = """
            {"run_id":"stonks-inttest-1","image_tag":"abc123","started_at":"2026-01-15T12:00:00Z",
             "completed_at":"2026-01-15T12:01:00Z","exit_code":1,"namespace":"stonks-inttest-1","backend":"local",
             "stages":{"infra_deploy":{"duration_s":4.2,"status":"ok","attempt":1},
                       "seed_data":{"duration_s":2.0,"status":"ok","attempt":1},
                       "service_deploy":{"duration_s":12.9,"status":"ok","attempt":1},
                       "integration_tests":{"duration_s":5.5,"status":"failed","attempt":1,
                                            "error":{"kind":"tests_failed","message":"1 failed"}},
                       "profiling":{"duration_s":0.1,"status":"ok","attempt":1},
                       "teardown":{"duration_s":1.8,"status":"ok","attempt":1}},
             "tests":{"total":3,"passed":2,"failed":1,"errors":0,"skipped":0},
             "failures":[{"test":"TrendsApiSuite.confidence","kind":"failure","message":"expected <0.82> & got 1.7"}],
             "profiling":{"endpoints":{"/api/companies":{"p50_ms":3,"p95_ms":8,"p99_ms":9,"count":4},
                                      "/api/companies/{id}":{"p50_ms":20,"p95_ms":700,"p99_ms":815,"count":11}},
                          "slow_endpoints":["/api/companies/{id}"],"slow_threshold_ms":500},
             "services":{"query-api":{"endpoint":"http://127.0.0.1:1","ready_s":9.1}},
             "seed":{"rows":{"companies":8,"documents":48}}}
            """;

    @Test
    void linksTheRunsArtifactsOrSaysWhyThereAreNone() throws Exception {
        // Given results listing two artifacts (one with a link that is no web address), and results whose store failed
        com.fasterxml.jackson.databind.node.ObjectNode listed = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(RESULTS);
        listed.putArray("artifacts").add(new ObjectMapper().readTree("""
                {"name":"junit.xml","content_type":"application/xml","size":1234,
                 "url":"/api/runs/stonks-inttest-1/artifacts/junit.xml?a=1&b=2"}"""))
                .add(new ObjectMapper().readTree("""
                {"name":"results.json","content_type":"application/json","url":"javascript:alert(1)"}"""));
        com.fasterxml.jackson.databind.node.ObjectNode failed = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(RESULTS);
        failed.put("artifacts_error", "store <down>");

        // When
        String html = ResultsPage.render(listed);
        String without = ResultsPage.render(failed);

        // Then: an escaped link, no link for the other, size shown; the failure named; well-formed either way
        assertThat(html).contains("<a href=\"/api/runs/stonks-inttest-1/artifacts/junit.xml?a=1&amp;b=2\">junit.xml</a>",
                "1234 bytes").doesNotContain("javascript:");
        assertThat(without).contains("not stored: store &lt;down&gt;");
        for (String page : new String[] {html, without}) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                    page.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(ResultsPage.render(new ObjectMapper().readTree(RESULTS))).doesNotContain("Artifacts");
    }

    @Test
    void rendersAWellFormedPageWithAChartPerSection() throws Exception {
        // Given
        JsonNode results = new ObjectMapper().readTree(RESULTS);

        // When
        String html = ResultsPage.render(results);

        // Then: well-formed (parses as XML after the doctype), escaped, and with the expected bars
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(3);
        assertThat(html).contains("exit code 1", "test failures or errors", "expected &lt;0.82&gt; &amp; got 1.7",
                "Slow endpoints (P99 above the threshold): /api/companies/{id}", "class=\"threshold\"");
        // six stage bars, 2 endpoints x 3 percentiles, one service
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(6 + 6 + 1);
    }

    @Test
    void anOlderResultsFileWithoutBudgetsMemoryOrSqlLeavesThoseSectionsOut() throws Exception {
        String html = ResultsPage.render(new ObjectMapper().readTree(RESULTS));

        assertThat(html).doesNotContain("<h2>Budgets</h2>", "<h2>Memory per service</h2>", "<h2>SQL statements</h2>",
                "Not measured:", "[warm]", "[tests]", "The tests' own calls");
        assertThat(html).contains("/api/companies/{id}", "<h2>Start-up</h2>");
    }

    @Test
    void aLongerDurationDrawsALongerBar() {
        String svg = new BarChart(java.util.List.of(new BarChart.Series("d", "#000")), "s")
                .row("a", java.util.List.of(1.0), null).row("b", java.util.List.of(4.0), null).svg();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("width=\"([0-9.]+)\" height=\"10\"").matcher(svg);
        assertThat(m.find()).isTrue();
        double a = Double.parseDouble(m.group(1));
        assertThat(m.find()).isTrue();
        double b = Double.parseDouble(m.group(1));
        assertThat(b).isCloseTo(4 * a, org.assertj.core.data.Offset.offset(0.5));
    }
}
