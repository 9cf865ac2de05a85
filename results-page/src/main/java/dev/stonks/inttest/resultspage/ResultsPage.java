package dev.stonks.inttest.resultspage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code inttest-results.json} as one self-contained HTML page (inline CSS and SVG, no scripts, nothing
 * fetched): the verdict, a stage timeline, the tests and their failures, latency percentiles per endpoint against
 * the slow threshold, start-up times and the seeded rows.
 */
public final class ResultsPage {
    private static final String[] STAGES = {"infra_deploy", "seed_data", "service_deploy", "integration_tests",
        "profiling", "teardown"};
    private static final Map<String, String> STATUS_COLORS = Map.of("ok", "#2e7d32", "failed", "#c62828",
            "skipped", "#9e9e9e");

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
        html.append("</table>");

        stages(html, results.path("stages"));
        tests(html, results);
        endpoints(html, results.path("profiling"));
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
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            chart.row(e.getKey(), List.of(p.path("p50_ms").asDouble(), p.path("p95_ms").asDouble(),
                    p.path("p99_ms").asDouble()), e.getKey() + " (" + p.path("count").asInt() + " calls)");
        }
        html.append(chart.legend()).append(chart.svg());
        List<String> slow = new ArrayList<>();
        profiling.path("slow_endpoints").forEach(s -> slow.add(Html.escape(s.asText())));
        html.append("<p>Slow endpoints (P99 above the threshold): ")
                .append(slow.isEmpty() ? "none" : String.join(", ", slow)).append("</p>");
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
            + ".error{color:#ef6c00}.num{text-align:right}.chart .label,.chart .tick,.chart .value{font-size:11px}"
            + ".chart .axis{stroke:#999}.chart .threshold{stroke:#c62828;stroke-dasharray:4 3}"
            + ".legend span{margin-right:1em}.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em}";
}
