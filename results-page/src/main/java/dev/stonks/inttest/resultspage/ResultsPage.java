package dev.stonks.inttest.resultspage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code inttest-results.json} as one self-contained HTML page (inline CSS and SVG, no scripts, nothing
 * fetched): the verdict, the seed's budgets, a stage timeline, the tests and their failures, latency percentiles per
 * endpoint against the slow threshold (marked by where each figure comes from) and the run's summary table (first
 * call, warm or cold, slow, N+1, regression), the N+1 statements, the regressions against the baseline, memory per
 * service, the slowest SQL statements, start-up times and the seeded rows. Sections whose fields an older results file lacks are left
 * out.
 */
public final class ResultsPage {
    private static final String[] STAGES = {"infra_deploy", "seed_data", "service_deploy", "integration_tests",
        "profiling", "teardown"};
    private static final Map<String, String> STATUS_COLORS = Map.of("ok", "#2e7d32", "failed", "#c62828",
            "skipped", "#9e9e9e");

    private static final int MAX_STATEMENTS = 15;

    private ResultsPage() {
    }

    public static String render(JsonNode results) {
        StringBuilder html = new StringBuilder();
        int exitCode = results.path("exit_code").asInt(2);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>inttest ")
                .append(text(results, "run_id")).append("</title><style>").append(CSS).append("</style></head><body>");
        html.append("<h1>inttest run <code>").append(text(results, "run_id")).append("</code></h1>");
        html.append("<p class=\"verdict exit").append(exitCode).append("\">exit code ").append(exitCode)
                .append(" &#8212; ").append(verdict(exitCode)).append("</p>");
        html.append("<table class=\"facts\">");
        fact(html, "image tag", text(results, "image_tag"));
        fact(html, "namespace", text(results, "namespace"));
        fact(html, "backend", text(results, "backend"));
        fact(html, "started", text(results, "started_at"));
        fact(html, "completed", text(results, "completed_at"));
        if (results.hasNonNull("seed_fingerprint")) {
            fact(html, "seed fingerprint", "<code>" + text(results, "seed_fingerprint") + "</code>");
        }
        html.append("</table>");
        artifacts(html, results);

        budgets(html, results.path("budgets"));
        stages(html, results.path("stages"));
        tests(html, results);
        endpoints(html, results.path("profiling"));
        ProfilingFindings.nPlusOne(html, results.path("profiling"));
        ProfilingFindings.regressions(html, results.path("profiling"));
        memory(html, results.path("profiling").path("memory"));
        sql(html, results.path("profiling").path("sql"));
        unavailable(html, results.path("profiling").path("unavailable"));
        startup(html, results);
        seed(html, results.path("seed").path("rows"));
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void stages(StringBuilder html, JsonNode stages) {
        html.append("<h2>Stages</h2>");
        List<BarChart.Series> series = List.of(new BarChart.Series("duration", "#1565c0"));
        BarChart chart = new BarChart(series, "s");
        html.append("<table><tr><th>stage</th><th>status</th><th>seconds</th><th>attempt</th><th>error</th></tr>");
        for (String stage : STAGES) {
            JsonNode s = stages.path(stage);
            if (s.isMissingNode()) {
                continue;
            }
            String status = s.path("status").asText();
            chart.row(stage + " (" + status + ")", List.of(s.path("duration_s").asDouble()), stage);
            html.append("<tr><td>").append(stage).append("</td><td><span class=\"status\" style=\"background:")
                    .append(STATUS_COLORS.getOrDefault(status, "#555")).append("\">").append(Html.escape(status))
                    .append("</span></td><td>").append(s.path("duration_s").asDouble()).append("</td><td>")
                    .append(s.path("attempt").asText("")).append("</td><td>")
                    .append(Html.escape(s.path("error").path("kind").asText(s.path("reason").asText(""))))
                    .append(s.has("error") ? ": " + Html.escape(s.path("error").path("message").asText()) : "")
                    .append("</td></tr>");
        }
        html.append("</table>").append(chart.svg());
    }

    private static void tests(StringBuilder html, JsonNode results) {
        JsonNode t = results.path("tests");
        html.append("<h2>Tests</h2><p class=\"counts\">").append(t.path("total").asInt()).append(" total &#183; ")
                .append("<b class=\"ok\">").append(t.path("passed").asInt()).append(" passed</b> &#183; ")
                .append("<b class=\"failed\">").append(t.path("failed").asInt()).append(" failed</b> &#183; ")
                .append("<b class=\"error\">").append(t.path("errors").asInt()).append(" errors</b> &#183; ")
                .append(t.path("skipped").asInt()).append(" skipped</p>");
        JsonNode failures = results.path("failures");
        if (failures.isArray() && !failures.isEmpty()) {
            html.append("<table><tr><th>test</th><th>kind</th><th>message</th></tr>");
            for (JsonNode f : failures) {
                html.append("<tr><td>").append(Html.escape(f.path("test").asText())).append("</td><td>")
                        .append(Html.escape(f.path("kind").asText())).append("</td><td><pre>")
                        .append(Html.escape(f.path("message").asText())).append("</pre></td></tr>");
            }
            html.append("</table>");
        }
    }

    private static void budgets(StringBuilder html, JsonNode budgets) {
        if (!budgets.isArray() || budgets.isEmpty()) {
            return;
        }
        int within = 0;
        int measured = 0;
        StringBuilder rows = new StringBuilder();
        for (JsonNode b : budgets) {
            JsonNode w = b.path("within");
            String unit = b.path("unit").asText("");
            String state = w.isBoolean() ? (w.asBoolean() ? "within" : "over") : "unmeasured";
            if (w.isBoolean()) {
                measured++;
                within += w.asBoolean() ? 1 : 0;
            }
            rows.append("<tr class=\"budget ").append(state).append("\"><td>").append(Html.escape(
                    b.path("metric").asText())).append("</td><td class=\"num\">&lt; ").append(amount(b.path("limit"),
                    unit)).append("</td><td class=\"num\">").append(amount(b.path("actual"), unit))
                    .append("</td><td>").append(Html.escape(b.path("subject").asText(""))).append("</td><td>")
                    .append(marker(state)).append("</td><td>");
            if (!w.isBoolean()) {
                rows.append(Html.escape(b.path("reason").asText("")));
            } else if (!w.asBoolean()) {
                List<String> over = new ArrayList<>();
                b.path("exceeded_by").forEach(x -> over.add(Html.escape(x.asText())));
                if (over.size() > 1) {
                    rows.append("over: ").append(String.join(", ", over)).append("<br/>");
                }
                rows.append("action: ").append(Html.escape(b.path("action").asText("")));
            }
            cold(rows, b.path("cold"), unit);
            rows.append("</td></tr>");
        }
        html.append("<h2>Budgets</h2><p class=\"counts\">").append(within).append(" of ").append(budgets.size())
                .append(" within").append(measured < budgets.size() ? " (" + (budgets.size() - measured)
                        + " not measured)" : "").append("; budgets are reported, they do not change the exit code</p>")
                .append("<table class=\"budgets\"><tr><th>metric</th><th>limit</th><th>actual</th><th>subject</th>"
                        + "<th>status</th><th>notes</th></tr>").append(rows).append("</table>");
    }

    /** api_p95_ms / api_p99_ms: the cold endpoints' figures beside the budget, which judges warm ones only. */
    private static void cold(StringBuilder rows, JsonNode cold, String unit) {
        if (!cold.isArray() || cold.isEmpty()) {
            return;
        }
        rows.append("<div class=\"cold\">cold, not judged: ");
        for (int i = 0; i < cold.size(); i++) {
            JsonNode c = cold.get(i);
            rows.append(i == 0 ? "" : ", ").append(Html.escape(c.path("subject").asText())).append(' ')
                    .append(amount(c.path("actual"), unit));
        }
        rows.append("</div>");
    }

    private static String marker(String state) {
        return switch (state) {
            case "within" -> "<span class=\"mark within\">&#10003; within</span>";
            case "over" -> "<span class=\"mark over\">&#10007; over</span>";
            default -> "<span class=\"mark unmeasured\">&#8212; not measured</span>";
        };
    }

    static String amount(JsonNode value, String unit) {
        return value.isNumber() ? compact(value.asDouble()) + " " + Html.escape(unit) : "&#8212;";
    }

    /** Whole numbers from 100 on, else at most two decimals without trailing zeros (30, 45.2, 0.13). */
    static String compact(double v) {
        if (v >= 100) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }

    private static void endpoints(StringBuilder html, JsonNode profiling) {
        html.append("<h2>Endpoint latency</h2>");
        JsonNode endpoints = profiling.path("endpoints");
        if (!endpoints.isObject() || endpoints.isEmpty()) {
            html.append("<p>No endpoint was profiled.</p>");
            return;
        }
        BarChart chart = new BarChart(List.of(new BarChart.Series("p50", "#90caf9"),
                new BarChart.Series("p95", "#1e88e5"), new BarChart.Series("p99", "#0d47a1")), "ms");
        if (profiling.has("slow_threshold_ms")) {
            chart.threshold(profiling.get("slow_threshold_ms").asDouble());
        }
        boolean sources = false;
        Map<String, JsonNode> byPath = new java.util.TreeMap<>();
        endpoints.fields().forEachRemaining(e -> byPath.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : byPath.entrySet()) {
            JsonNode p = e.getValue();
            String source = p.path("source").asText("");
            String label = switch (source) {
                case "profile" -> e.getKey() + " [warm]";
                case "tests" -> e.getKey() + " [tests]";
                default -> e.getKey();
            };
            String from = switch (source) {
                case "profile" -> "the profiler's warm measurement, ";
                case "tests" -> "the tests' own calls, ";
                default -> "";
            };
            sources |= !source.isEmpty();
            chart.row(label, java.util.Arrays.asList(number(p.path("p50_ms")), number(p.path("p95_ms")),
                    number(p.path("p99_ms"))), e.getKey() + " (" + from + p.path("count").asInt() + " calls)",
                    source.isEmpty() ? null : "source-" + source);
        }
        html.append(chart.legend());
        if (sources) {
            html.append("<p class=\"legend\">[warm]: the profiler's measurement of the warm service &#183; [tests]: "
                    + "the tests' own calls (the profiler could not repeat them; cold first calls included)</p>");
        }
        html.append(chart.svg());
        List<String> slow = new ArrayList<>();
        profiling.path("slow_endpoints").forEach(s -> slow.add(Html.escape(s.asText())));
        html.append("<p>Slow endpoints (P99 above the threshold): ")
                .append(slow.isEmpty() ? "none" : String.join(", ", slow)).append("</p>");
        EndpointTable.render(html, profiling);
        ProfilingFindings.sqlPerEndpoint(html, endpoints);
        ProfilingFindings.probes(html, profiling.path("probes"));
        testCalls(html, profiling.path("test_calls"), endpoints);
    }

    /** The tests' own figures beside the warm ones, where the profiler re-measured. */
    private static void testCalls(StringBuilder html, JsonNode testCalls, JsonNode endpoints) {
        if (!testCalls.isObject() || testCalls.isEmpty()) {
            return;
        }
        html.append("<details><summary>The tests' own calls (cold first calls included)</summary><table><tr>"
                + "<th>endpoint</th><th>calls</th><th>p50</th><th>p95</th><th>p99</th><th>max</th>"
                + "<th>reported p95</th></tr>");
        for (Iterator<Map.Entry<String, JsonNode>> it = testCalls.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            html.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td class=\"num\">")
                    .append(t.path("count").asInt()).append("</td>");
            for (String f : List.of("p50_ms", "p95_ms", "p99_ms", "max_ms")) {
                html.append("<td class=\"num\">").append(amount(t.path(f), "ms")).append("</td>");
            }
            html.append("<td class=\"num\">").append(amount(endpoints.path(e.getKey()).path("p95_ms"), "ms"))
                    .append("</td></tr>");
        }
        html.append("</table></details>");
    }

    private static void memory(StringBuilder html, JsonNode memory) {
        if (!memory.isObject() || memory.isEmpty()) {
            return;
        }
        BarChart chart = new BarChart(List.of(new BarChart.Series("rss", "#26a69a"),
                new BarChart.Series("peak rss", "#00695c")), "MiB");
        for (Iterator<Map.Entry<String, JsonNode>> it = memory.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            chart.row(e.getKey(), java.util.Arrays.asList(number(m.path("rss_mb")), number(m.path("peak_rss_mb"))),
                    e.getKey() + (m.hasNonNull("source") ? " (" + m.get("source").asText() + ")" : ""));
        }
        html.append("<h2>Memory per service</h2>").append(chart.legend()).append(chart.svg());
    }

    private static void sql(StringBuilder html, JsonNode sql) {
        JsonNode statements = sql.path("statements");
        if (!statements.isArray()) {
            return;
        }
        html.append("<h2>SQL statements</h2>");
        if (statements.isEmpty()) {
            html.append("<p>No statement was recorded.</p>");
            return;
        }
        int slow = 0;
        for (JsonNode st : statements) {
            slow += st.path("slow").asBoolean() ? 1 : 0;
        }
        html.append("<p>The statements the services spent most time in (top ").append(Math.min(statements.size(),
                MAX_STATEMENTS)).append(" of ").append(statements.size()).append(" by total time); ").append(slow)
                .append(" slow");
        if (sql.path("slow_mean_ms").isNumber()) {
            html.append(" (mean above ").append(amount(sql.get("slow_mean_ms"), "ms")).append(")");
        }
        html.append(".</p><table class=\"sql\"><tr><th>statement</th><th>calls</th><th>mean</th><th>max</th>"
                + "<th>total</th><th>rows</th><th></th></tr>");
        int shown = 0;
        for (JsonNode st : statements) {
            if (shown++ == MAX_STATEMENTS) {
                break;
            }
            boolean isSlow = st.path("slow").asBoolean();
            html.append("<tr").append(isSlow ? " class=\"slow\"" : "").append("><td><code>")
                    .append(Html.escape(st.path("query").asText())).append("</code></td><td class=\"num\">")
                    .append(st.path("calls").asLong()).append("</td><td class=\"num\">")
                    .append(amount(st.path("mean_ms"), "ms")).append("</td><td class=\"num\">")
                    .append(amount(st.path("max_ms"), "ms")).append("</td><td class=\"num\">")
                    .append(amount(st.path("total_ms"), "ms")).append("</td><td class=\"num\">")
                    .append(st.has("rows") ? String.valueOf(st.path("rows").asLong()) : "").append("</td><td>")
                    .append(isSlow ? "<span class=\"mark over\">slow</span>" : "").append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void unavailable(StringBuilder html, JsonNode unavailable) {
        if (!unavailable.isObject() || unavailable.isEmpty()) {
            return;
        }
        html.append("<p class=\"unavailable\">Not measured:");
        for (Iterator<Map.Entry<String, JsonNode>> it = unavailable.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            html.append(" <b>").append(Html.escape(e.getKey())).append("</b>: ")
                    .append(Html.escape(e.getValue().asText())).append(it.hasNext() ? ";" : "");
        }
        html.append("</p>");
    }

    private static Double number(JsonNode value) {
        return value.isNumber() ? value.asDouble() : null;
    }

    private static void startup(StringBuilder html, JsonNode results) {
        BarChart chart = new BarChart(List.of(new BarChart.Series("ready after", "#6a1b9a")), "s");
        int rows = 0;
        for (String section : List.of("infra", "services")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = results.path(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().has("ready_s")) {
                    chart.row(e.getKey(), List.of(e.getValue().get("ready_s").asDouble()), e.getKey());
                    rows++;
                }
            }
        }
        if (rows > 0) {
            html.append("<h2>Start-up</h2>").append(chart.svg());
        }
    }

    private static void seed(StringBuilder html, JsonNode rows) {
        if (!rows.isObject() || rows.isEmpty()) {
            return;
        }
        html.append("<h2>Seeded rows</h2><table><tr><th>table</th><th>rows</th></tr>");
        for (Iterator<Map.Entry<String, JsonNode>> it = rows.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            html.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td class=\"num\">")
                    .append(e.getValue().asLong()).append("</td></tr>");
        }
        html.append("</table>");
    }

    /** Links to the run's artifacts in the store (JUnit XML, results JSON, this page), or why there are none. */
    private static void artifacts(StringBuilder html, JsonNode results) {
        JsonNode list = results.path("artifacts");
        if (!list.isArray() && !results.has("artifacts_error")) {
            return;
        }
        html.append("<h2>Artifacts</h2>");
        if (results.has("artifacts_error")) {
            html.append("<p class=\"unavailable\">not stored: ").append(text(results, "artifacts_error"))
                    .append("</p>");
        }
        if (list.isArray() && !list.isEmpty()) {
            html.append("<ul class=\"artifacts\">");
            for (JsonNode a : list) {
                String url = a.path("url").asText("");
                boolean linkable = url.startsWith("/") || url.startsWith("http://") || url.startsWith("https://");
                html.append("<li>");
                if (linkable) {
                    html.append("<a href=\"").append(Html.escape(url)).append("\">").append(text(a, "name"))
                            .append("</a>");
                } else {
                    html.append(text(a, "name"));
                }
                html.append(" <small>").append(text(a, "content_type"));
                if (a.path("size").isNumber()) {
                    html.append(", ").append(a.path("size").asLong()).append(" bytes");
                }
                html.append("</small></li>");
            }
            html.append("</ul>");
        }
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(name).append("</th><td>").append(value).append("</td></tr>");
    }

    private static String text(JsonNode node, String field) {
        return Html.escape(node.path(field).asText(""));
    }

    private static String verdict(int exitCode) {
        return switch (exitCode) {
            case 0 -> "all tests passed";
            case 1 -> "test failures or errors";
            default -> "infrastructure setup failure";
        };
    }

    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;"
            + "text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap}"
            + ".verdict{font-size:1.3em;font-weight:bold;padding:.4em .8em;display:inline-block;color:#fff}"
            + ".exit0{background:#2e7d32}.exit1{background:#ef6c00}.exit2{background:#c62828}"
            + ".status{color:#fff;padding:0 .4em;border-radius:3px}.ok{color:#2e7d32}.failed{color:#c62828}"
            + ".error{color:#ef6c00}.num{text-align:right;white-space:nowrap}.chart .label,.chart .tick,.chart .value{font-size:11px}"
            + ".chart .axis{stroke:#999}.chart .threshold{stroke:#c62828;stroke-dasharray:4 3}"
            + ".legend span{margin-right:1em}.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em}"
            + ".mark{padding:0 .4em;border-radius:3px;white-space:nowrap}.mark.within{background:#c8e6c9;color:#1b5e20}"
            + ".mark.over{background:#ffcdd2;color:#b71c1c}.mark.unmeasured{background:#eee;color:#555}"
            + "tr.over td{background:#fff5f5}tr.slow td{background:#fff8e1}.sql code{white-space:pre-wrap;"
            + "word-break:break-word;font-size:.85em}.chart .source-tests{font-style:italic;fill:#8d6e63}"
            + ".chart .na{fill:#999}.unavailable{color:#555}.cold{color:#555;font-size:.9em}"
            + "tr.cold td{color:#555}.n-plus-one code,.endpoint-sql code{white-space:pre-wrap;font-size:.85em}";
}
