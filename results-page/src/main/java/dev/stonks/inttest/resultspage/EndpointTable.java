package dev.stonks.inttest.resultspage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run's summary table, the one the CLI prints: per endpoint p50 / p95 / p99 (a dash with the reason as its title
 * when too few samples), the tests' first call, warm or cold, slow, the most calls per request of its N+1 statements,
 * and its p95 regression against the baseline.
 */
final class EndpointTable {
    private EndpointTable() {
    }

    static void render(StringBuilder html, JsonNode profiling) {
        JsonNode endpoints = profiling.path("endpoints");
        Set<String> slow = new HashSet<>();
        profiling.path("slow_endpoints").forEach(s -> slow.add(s.asText()));
        Map<String, Double> nPlusOne = new HashMap<>();
        profiling.path("n_plus_one").forEach(n -> nPlusOne.merge(n.path("endpoint").asText(),
                n.path("calls_per_request").asDouble(), Math::max));
        Map<String, JsonNode> regressions = new HashMap<>();
        profiling.path("regressions").forEach(r -> {
            if ("endpoint".equals(r.path("kind").asText())) {
                regressions.putIfAbsent(r.path("subject").asText(), r);
            }
        });
        List<String> keys = new ArrayList<>();
        endpoints.fieldNames().forEachRemaining(keys::add);
        keys.sort(Comparator.comparing(ProfilingFigures::path).thenComparing(k -> k));

        html.append("<table class=\"endpoints\"><tr><th>endpoint</th><th>p50</th><th>p95</th><th>p99</th>"
                + "<th>first call</th><th>measured</th><th>calls</th><th>slow</th><th>N+1</th><th>regression</th>"
                + "</tr>");
        for (String key : keys) {
            JsonNode e = endpoints.get(key);
            boolean warm = ProfilingFigures.warm(e);
            JsonNode regression = regressions.get(key);
            html.append("<tr data-endpoint=\"").append(Html.escape(key)).append("\" class=\"")
                    .append(warm ? "warm" : "cold").append(regression != null ? " regressed" : "")
                    .append("\"><td><code>").append(Html.escape(key)).append("</code></td>");
            for (String f : List.of("p50_ms", "p95_ms", "p99_ms")) {
                String why = e.path("unavailable").path(f).asText("");
                html.append("<td class=\"num\"").append(why.isEmpty() ? "" : " title=\"" + Html.escape(why) + "\"")
                        .append('>').append(ResultsPage.amount(e.path(f), "ms")).append("</td>");
            }
            html.append("<td class=\"num\">").append(ResultsPage.amount(e.path("first_call_ms"), "ms"))
                    .append("</td><td>").append(warm ? "warm" : "<span class=\"mark unmeasured\">cold</span>")
                    .append("</td><td class=\"num\">").append(e.path("count").asInt()).append("</td><td>")
                    .append(slow.contains(key) ? "<span class=\"mark over\">slow</span>" : "").append("</td><td>")
                    .append(nPlusOne.containsKey(key) ? "<span class=\"mark over\">" + ResultsPage.compact(nPlusOne
                            .get(key)) + "/req</span>" : "").append("</td><td>")
                    .append(regression == null ? "" : "<span class=\"mark over\">" + Html.escape(change(regression))
                            + "</span>").append("</td></tr>");
        }
        html.append("</table><p class=\"legend\">warm: the profiler's measurement after warm-up calls; cold: only "
                + "the tests' own calls (first calls included), reported but not judged by the budgets and never "
                + "slow. First call: the tests' first call of the endpoint. A dash: too few samples (hover for why)."
                + "</p>");
    }

    /** {@code +35% (8.1 \u2192 11 ms)}. */
    static String change(JsonNode r) {
        return ProfilingFigures.change(r, "\u2192", ResultsPage::compact);
    }
}
