package dev.stonks.inttest.resultspage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What the profiler and the reporter found beyond the percentiles: the N+1 statements, the statements per request of
 * each endpoint, the probes of routes the target does not have, and the regressions against the baseline (with what
 * the run was compared with, or why it was not).
 */
final class ProfilingFindings {
    private ProfilingFindings() {
    }

    static void nPlusOne(StringBuilder html, JsonNode profiling) {
        JsonNode list = profiling.path("n_plus_one");
        boolean lookedFor = profiling.path("n_plus_one_threshold").isNumber();
        if (!lookedFor && !list.isArray()) {
            return;
        }
        html.append("<h2>N+1 queries</h2>");
        String threshold = lookedFor ? ResultsPage.compact(profiling.get("n_plus_one_threshold").asDouble()) : null;
        if (!list.isArray() || list.isEmpty()) {
            html.append("<p class=\"n-plus-one none\">No statement ran more than ").append(threshold)
                    .append(" times per request of an endpoint.</p>");
            return;
        }
        html.append("<p>Statements run more than ").append(threshold == null ? "the threshold" : threshold + " times")
                .append(" per request of one endpoint (a query per row of an earlier result instead of one join),"
                        + " most calls per request first.</p>")
                .append("<table class=\"n-plus-one\"><tr><th>endpoint</th><th>statement</th><th>calls per request"
                        + "</th><th>total</th></tr>");
        for (JsonNode n : list) {
            html.append("<tr><td><code>").append(Html.escape(n.path("endpoint").asText())).append("</code></td>")
                    .append("<td><code>").append(Html.escape(n.path("query").asText())).append("</code></td>")
                    .append("<td class=\"num\">").append(ResultsPage.compact(n.path("calls_per_request").asDouble()))
                    .append("</td><td class=\"num\">").append(ResultsPage.amount(n.path("total_ms"), "ms"))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    /** Each warm endpoint's statements per request, folded away: the evidence behind the N+1 list. */
    static void sqlPerEndpoint(StringBuilder html, JsonNode endpoints) {
        StringBuilder rows = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode sql = e.getValue().path("sql");
            if (!sql.isObject()) {
                continue;
            }
            JsonNode statements = sql.path("statements");
            int span = Math.max(1, statements.size());
            rows.append("<tr><td rowspan=\"").append(span).append("\"><code>").append(Html.escape(e.getKey()))
                    .append("</code></td><td rowspan=\"").append(span).append("\" class=\"num\">")
                    .append(sql.path("requests").asInt()).append("</td><td rowspan=\"").append(span)
                    .append("\" class=\"num\">").append(ResultsPage.compact(sql.path("calls_per_request").asDouble()))
                    .append("</td>");
            if (statements.isEmpty()) {
                rows.append("<td colspan=\"3\">no statement</td></tr>");
            }
            boolean first = true;
            for (JsonNode st : statements) {
                rows.append(first ? "" : "<tr>").append("<td><code>").append(Html.escape(st.path("query").asText()))
                        .append("</code></td><td class=\"num\">").append(ResultsPage.compact(st.path(
                                "calls_per_request").asDouble())).append("</td><td class=\"num\">")
                        .append(ResultsPage.amount(st.path("total_ms"), "ms")).append("</td></tr>");
                first = false;
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        html.append("<details><summary>SQL per request, per endpoint (measured warm)</summary>"
                + "<table class=\"endpoint-sql\"><tr><th>endpoint</th><th>requests</th><th>statements per request"
                + "</th><th>statement</th><th>calls per request</th><th>total</th></tr>").append(rows)
                .append("</table></details>");
    }

    /** The tests' calls of routes the target does not have: shown apart, never as endpoints. */
    static void probes(StringBuilder html, JsonNode probes) {
        if (!probes.isObject() || probes.isEmpty()) {
            return;
        }
        html.append("<p class=\"probes\">Probes of routes the target does not have (not counted as endpoints): ");
        for (Iterator<Map.Entry<String, JsonNode>> it = probes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int count = e.getValue().path("count").asInt();
            html.append("<code>").append(Html.escape(e.getKey())).append("</code> (").append(count)
                    .append(count == 1 ? " call" : " calls").append(')').append(it.hasNext() ? ", " : "");
        }
        html.append("</p>");
    }

    static void regressions(StringBuilder html, JsonNode profiling) {
        JsonNode baseline = profiling.path("baseline");
        JsonNode list = profiling.path("regressions");
        if (!baseline.isObject() && !list.isArray()) {
            return;
        }
        html.append("<h2>Regressions</h2><p class=\"baseline\">").append(baselineLine(baseline)).append("</p>");
        if (!list.isArray() || list.isEmpty()) {
            if (baseline.isObject() && !baseline.hasNonNull("reason")) {
                html.append("<p class=\"regressions none\">No regression: every endpoint's p95 and every stage's "
                        + "duration is within the thresholds of its baseline.</p>");
            }
            return;
        }
        html.append("<table class=\"regressions\"><tr><th>kind</th><th>subject</th><th>metric</th><th>baseline</th>"
                + "<th>this run</th><th>change</th></tr>");
        for (JsonNode r : list) {
            String unit = r.path("unit").asText("");
            html.append("<tr class=\"over\"><td>").append(Html.escape(r.path("kind").asText())).append("</td><td><code>")
                    .append(Html.escape(r.path("subject").asText())).append("</code></td><td>")
                    .append(Html.escape(r.path("metric").asText())).append("</td><td class=\"num\">")
                    .append(ResultsPage.amount(r.path("baseline"), unit)).append("</td><td class=\"num\">")
                    .append(ResultsPage.amount(r.path("actual"), unit)).append("</td><td class=\"num\">")
                    .append(Html.escape(percent(r)));
            if (r.path("delta_ms").isNumber()) {
                double delta = r.get("delta_ms").asDouble();
                html.append(" (+").append("s".equals(unit) ? ResultsPage.compact(delta / 1000) + " s"
                        : ResultsPage.compact(delta) + " ms").append(')');
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String percent(JsonNode r) {
        String change = EndpointTable.change(r);
        int paren = change.indexOf(" (");
        return paren < 0 ? change : change.substring(0, paren);
    }

    /** Compared with N earlier passing runs of the target and seed, with the thresholds; or why not. */
    private static String baselineLine(JsonNode b) {
        if (!b.isObject()) {
            return "Baseline: not given.";
        }
        if (b.hasNonNull("reason")) {
            return "Not compared with earlier runs: " + Html.escape(b.get("reason").asText());
        }
        int runs = b.path("runs").size();
        StringBuilder line = new StringBuilder("Compared with ").append(runs).append(runs == 1 ? " earlier passing run"
                : " earlier passing runs");
        if (b.hasNonNull("target")) {
            line.append(" of <code>").append(Html.escape(b.get("target").asText())).append("</code>");
        }
        if (b.hasNonNull("seed_fingerprint")) {
            line.append(" with seed <code>").append(Html.escape(b.get("seed_fingerprint").asText())).append("</code>");
        }
        line.append(" (the median of each figure)");
        if (b.path("min_ratio").isNumber() && b.path("min_delta_ms").isNumber()) {
            line.append("; a regression is worse by more than ").append(Math.round(b.get("min_ratio").asDouble()
                    * 100)).append("% and more than ").append(ResultsPage.compact(b.get("min_delta_ms").asDouble()))
                    .append(" ms");
        }
        if (runs > 0) {
            StringBuilder ids = new StringBuilder();
            b.path("runs").forEach(r -> ids.append(ids.isEmpty() ? "" : ", ").append(Html.escape(r.asText())));
            line.append(". Runs: ").append(ids);
        }
        return line.append('.').toString();
    }
}
