package dev.stonks.inttest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.resultspage.ProfilingFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The summary printed at the end of a run, from the results' {@code profiling} section: a table of the endpoints
 * (p50 / p95 / p99, the tests' first call, slow, the worst N+1 statement per request, the p95 regression), then the
 * N+1 statements, the stage regressions and what the run was compared with. Plain text, at most {@link #WIDTH}
 * columns; empty when the results have no endpoint, regression or baseline (an older reporter, a run that did not get
 * to profile).
 */
final class SummaryTable {
    static final int WIDTH = 120;
    private static final int MIN_ENDPOINT_WIDTH = 24;
    private static final int MAX_N_PLUS_ONE_LINES = 5;
    private static final String COLD = " (cold)";
    private static final String GAP = "  ";
    private static final String[] HEADERS = {"endpoint", "p50 ms", "p95 ms", "p99 ms", "first call ms", "slow", "N+1",
        "regression"};

    private SummaryTable() {
    }

    static List<String> lines(JsonNode results) {
        JsonNode profiling = results.path("profiling");
        JsonNode endpoints = profiling.path("endpoints");
        Map<String, JsonNode> regressions = endpointRegressions(profiling.path("regressions"));
        List<String> out = new ArrayList<>();
        if (endpoints.isObject() && !endpoints.isEmpty()) {
            out.addAll(table(profiling, endpoints, regressions));
        }
        out.addAll(nPlusOne(profiling));
        for (JsonNode r : profiling.path("regressions")) {
            boolean inTable = "endpoint".equals(r.path("kind").asText()) && endpoints.has(r.path("subject").asText());
            if (!inTable) {
                out.add(fit(r.path("kind").asText("?") + " regression: " + clean(r.path("subject").asText("?"))
                        + " " + clean(r.path("metric").asText("").replaceAll("_(ms|s)$", "")) + " " + change(r)));
            }
        }
        baseline(profiling).ifPresent(out::add);
        return out;
    }

    private static List<String> table(JsonNode profiling, JsonNode endpoints, Map<String, JsonNode> regressions) {
        Set<String> slow = new HashSet<>();
        profiling.path("slow_endpoints").forEach(s -> slow.add(s.asText()));
        Map<String, Double> worstNPlusOne = new HashMap<>();
        profiling.path("n_plus_one").forEach(n -> worstNPlusOne.merge(n.path("endpoint").asText(),
                n.path("calls_per_request").asDouble(), Math::max));

        List<String> keys = new ArrayList<>();
        endpoints.fieldNames().forEachRemaining(keys::add);
        keys.sort(Comparator.comparing(ProfilingFigures::path).thenComparing(k -> k));

        List<String[]> rows = new ArrayList<>();
        int cold = 0;
        for (String key : keys) {
            JsonNode e = endpoints.get(key);
            boolean warm = ProfilingFigures.warm(e);
            cold += warm ? 0 : 1;
            JsonNode regression = regressions.get(key);
            rows.add(new String[] {key, figure(e.path("p50_ms")), figure(e.path("p95_ms")), figure(e.path("p99_ms")),
                figure(e.path("first_call_ms")), slow.contains(key) ? "slow" : "",
                worstNPlusOne.containsKey(key) ? compact(worstNPlusOne.get(key)) + "/req" : "",
                regression == null ? "" : change(regression), warm ? "" : COLD});
        }

        int[] widths = new int[HEADERS.length];
        for (int c = 1; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int others = 0;
        for (int c = 1; c < HEADERS.length; c++) {
            others += GAP.length() + widths[c];
        }
        int longest = HEADERS[0].length();
        for (String[] row : rows) {
            longest = Math.max(longest, clean(row[0]).length() + row[8].length());
        }
        widths[0] = Math.max(MIN_ENDPOINT_WIDTH, Math.min(longest, WIDTH - others));
        for (String[] row : rows) {
            row[0] = shorten(clean(row[0]), widths[0] - row[8].length()) + row[8];
        }

        List<String> out = new ArrayList<>();
        out.add("endpoints: " + rows.size() + " (" + (rows.size() - cold) + " warm, " + cold
                + " cold: only the tests' calls, not judged by the budgets), " + slow.size() + " slow, "
                + worstNPlusOne.size() + " with N+1, " + regressions.size() + " regressed");
        out.add(row(HEADERS, widths));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : GAP).append("-".repeat(widths[c]));
        }
        out.add(rule.toString());
        rows.forEach(r -> out.add(row(r, widths)));
        return out;
    }

    /** The endpoint left-aligned, every figure right-aligned, trailing blanks dropped. */
    private static String row(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + widths[0] + "s", cells[0]));
        for (int c = 1; c < widths.length; c++) {
            String format = c <= 4 ? "%" + widths[c] + "s" : "%-" + widths[c] + "s";
            line.append(GAP).append(String.format(Locale.ROOT, format, cells[c]));
        }
        return line.toString().stripTrailing();
    }

    private static List<String> nPlusOne(JsonNode profiling) {
        JsonNode list = profiling.path("n_plus_one");
        if (!list.isArray() || list.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String threshold = profiling.path("n_plus_one_threshold").isNumber()
                ? " (more than " + compact(profiling.get("n_plus_one_threshold").asDouble()) + " calls per request)"
                : "";
        out.add("N+1 statements" + threshold + ":");
        int shown = 0;
        for (JsonNode n : list) {
            if (shown++ == MAX_N_PLUS_ONE_LINES) {
                out.add("  ... and " + (list.size() - MAX_N_PLUS_ONE_LINES) + " more in the results");
                break;
            }
            out.add(fit("  " + clean(n.path("endpoint").asText("?")) + " " + compact(n.path("calls_per_request")
                    .asDouble()) + "/req, " + number(n.path("total_ms").asDouble()) + " ms in all: " + clean(n
                    .path("query").asText(""))));
        }
        return out;
    }

    /**
     * {@code baseline: compared with 5 runs of github.com/acme/stonks@local, seed sha256:0123abcd; no regression (>
     * +20% and > 5 ms)}, or why the run was not compared.
     */
    private static Optional<String> baseline(JsonNode profiling) {
        JsonNode b = profiling.path("baseline");
        if (!b.isObject()) {
            return Optional.empty();
        }
        if (b.hasNonNull("reason")) {
            return Optional.of(fit("baseline: not compared - " + clean(b.get("reason").asText())));
        }
        int runs = b.path("runs").size();
        StringBuilder line = new StringBuilder("baseline: compared with ").append(runs).append(runs == 1 ? " run"
                : " runs");
        if (b.hasNonNull("target")) {
            line.append(" of ").append(clean(b.get("target").asText()));
        }
        if (b.hasNonNull("seed_fingerprint")) {
            String seed = clean(b.get("seed_fingerprint").asText());
            line.append(", seed ").append(seed.length() > 15 ? seed.substring(0, 15) : seed);
        }
        JsonNode regressions = profiling.path("regressions");
        boolean none = regressions.isArray() && regressions.isEmpty();
        String rule = b.path("min_ratio").isNumber() && b.path("min_delta_ms").isNumber() ? "> +" + Math.round(b.get(
                "min_ratio").asDouble() * 100) + "% and > " + compact(b.get("min_delta_ms").asDouble()) + " ms" : null;
        if (none) {
            line.append("; no regression").append(rule == null ? "" : " (" + rule + ")");
        } else if (rule != null) {
            line.append(" (a regression: ").append(rule).append(')');
        }
        return Optional.of(fit(line.toString()));
    }

    private static Map<String, JsonNode> endpointRegressions(JsonNode regressions) {
        Map<String, JsonNode> byEndpoint = new HashMap<>();
        for (JsonNode r : regressions) {
            if ("endpoint".equals(r.path("kind").asText())) {
                byEndpoint.putIfAbsent(r.path("subject").asText(), r); // worst ratio first
            }
        }
        return byEndpoint;
    }

    /** {@code +35% (8.1 -> 11.0 ms)}. */
    static String change(JsonNode r) {
        return clean(ProfilingFigures.change(r, "->", SummaryTable::number));
    }

    /**
     * A key that does not fit keeps its method, its first segment and as many of its last segments as fit:
     * {@code GET /api/.../prices/{id}/history}; one whose last segment alone is too long is cut.
     */
    static String shorten(String key, int max) {
        if (key.length() <= max) {
            return key;
        }
        int space = key.indexOf(' ');
        String method = space < 0 ? "" : key.substring(0, space + 1);
        String[] segments = key.substring(method.length()).split("/", -1);
        if (segments.length > 2) {
            String head = method + "/" + segments[1] + "/...";
            String tail = "";
            for (int i = segments.length - 1; i > 1; i--) {
                String longer = "/" + segments[i] + tail;
                if (head.length() + longer.length() > max) {
                    break;
                }
                tail = longer;
            }
            if (!tail.isEmpty()) {
                return head + tail;
            }
        }
        return key.substring(0, Math.max(0, max - 3)) + "...";
    }

    private static String figure(JsonNode value) {
        return value.isNumber() ? number(value.asDouble()) : "-";
    }

    /** One decimal below 100, whole numbers from 100 on: 8.1, 11.0, 492. */
    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
    }

    /** 12, 5.5 (no trailing .0). */
    private static String compact(double v) {
        String s = number(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String clean(String s) {
        return Progress.oneLine(s, WIDTH);
    }

    private static String fit(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 3) + "...";
    }
}
