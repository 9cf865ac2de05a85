package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunVerdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static final String LONG = "GET /api/companies/{companyId}/prices/history/daily/{from}/{to}/adjusted-close";

    private static final String RESULTS = """
            {"run_id":"stonks-inttest-s1","exit_code":0,
             "tests":{"total":12,"passed":12,"failed":0,"errors":0},
             "budgets":[],
             "profiling":{
               "endpoints":{
                 "/api/companies":{"p50_ms":3.05,"p95_ms":11.0,"p99_ms":14.2,"max_ms":20,"count":110,
                   "source":"profile","warm":true,"first_call_ms":412},
                 "POST /api/trading/backtest":{"p50_ms":120,"p95_ms":480.4,"p99_ms":null,"max_ms":492,"count":20,
                   "source":"tests","warm":false,"first_call_ms":492,
                   "unavailable":{"p99_ms":"needs >= 100 samples, had 20"}},
                 "/api/portfolios/{id}/positions":{"p50_ms":40,"p95_ms":61.25,"p99_ms":70,"max_ms":80,"count":110,
                   "source":"profile","warm":true,"first_call_ms":null},
                 "/api/slow":{"p50_ms":300,"p95_ms":610,"p99_ms":700,"max_ms":900,"count":110,
                   "source":"profile","warm":true,"first_call_ms":1500}},
               "slow_endpoints":["/api/slow"],"slow_threshold_ms":500,
               "n_plus_one":[
                 {"endpoint":"/api/portfolios/{id}/positions","query":"SELECT * FROM prices\\n WHERE company_id = $1",
                  "calls_per_request":12,"total_ms":40.5},
                 {"endpoint":"/api/portfolios/{id}/positions","query":"SELECT name FROM companies WHERE id = $1",
                  "calls_per_request":6.5,"total_ms":9}],
               "n_plus_one_threshold":5,
               "regressions":[
                 {"kind":"stage","subject":"service_deploy","metric":"duration_s","unit":"s","actual":15.2,
                  "baseline":12.0,"ratio":1.2667,"delta_ms":3200},
                 {"kind":"endpoint","subject":"/api/companies","metric":"p95_ms","unit":"ms","actual":11.0,
                  "baseline":8.1,"ratio":1.358,"delta_ms":2.9}],
               "baseline":{"target":"github.com/acme/stonks@local","seed_fingerprint":null,"runs":[],
                 "reason":"only 2 earlier passing runs of github.com/acme/stonks@local with this seed (3 needed)"}}}
            """;

    @Test
    void everyEndpointHasARowWithItsFiguresAndTheRunsFindingsFollow() throws Exception {
        // Given
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);

        // When
        List<String> lines = SummaryTable.lines(results);

        // Then: a title, the header and its rule, a row per endpoint sorted by path
        assertThat(lines.get(0)).isEqualTo("endpoints: 4 (3 warm, 1 cold: only the tests' calls, not judged by the "
                + "budgets), 1 slow, 1 with N+1, 1 regressed");
        assertThat(lines.get(1)).startsWith("endpoint").contains("p50 ms  p95 ms  p99 ms  first call ms  slow  N+1",
                "regression");
        assertThat(lines.get(2)).matches("[- ]+");
        assertThat(row(lines, "/api/companies ")).matches(
                "/api/companies +3\\.1 +11\\.0 +14\\.2 +412 +\\+36% \\(8\\.1 -> 11\\.0 ms\\)");
        assertThat(row(lines, "/api/portfolios")).matches(
                "/api/portfolios/\\{id}/positions +40\\.0 +61\\.3 +70\\.0 +- +12/req");
        assertThat(row(lines, "/api/slow")).matches("/api/slow +300 +610 +700 +1500 +slow");
        // the cold POST: marked, its missing p99 a dash, never slow however slow its first call
        assertThat(row(lines, "POST /api/trading/backtest")).matches(
                "POST /api/trading/backtest \\(cold\\) +120 +480 +- +492");

        // the columns line up: every figure of a column ends where its header ends
        int p99End = lines.get(1).indexOf("p99 ms") + "p99 ms".length();
        assertThat(lines.subList(3, 7)).allSatisfy(l -> assertThat(l.charAt(p99End - 1)).isNotEqualTo(' '));

        // then the N+1 statements, the stage regression and why there is no baseline
        assertThat(lines.subList(7, lines.size())).containsExactly(
                "N+1 statements (more than 5 calls per request):",
                "  /api/portfolios/{id}/positions 12/req, 40.5 ms in all: SELECT * FROM prices WHERE company_id = $1",
                "  /api/portfolios/{id}/positions 6.5/req, 9.0 ms in all: SELECT name FROM companies WHERE id = $1",
                "stage regression: service_deploy duration +27% (12.0 -> 15.2 s)",
                "baseline: not compared - only 2 earlier passing runs of github.com/acme/stonks@local with this seed "
                        + "(3 needed)");
    }

    @Test
    void aComparedRunSaysWithWhatAndThatNothingRegressed() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);
        ObjectNode profiling = (ObjectNode) results.get("profiling");
        profiling.putArray("regressions");
        profiling.remove("n_plus_one");
        profiling.putObject("baseline").put("target", "github.com/acme/stonks@local")
                .put("seed_fingerprint", "sha256:" + "ab".repeat(32)).put("min_ratio", 0.2).put("min_delta_ms", 5)
                .putArray("runs").add("r5").add("r4").add("r3").add("r2").add("r1");

        List<String> lines = SummaryTable.lines(results);

        assertThat(lines.get(lines.size() - 1)).isEqualTo("baseline: compared with 5 runs of "
                + "github.com/acme/stonks@local, seed sha256:abababab; no regression (> +20% and > 5 ms)");
        assertThat(lines).noneMatch(l -> l.contains("N+1 statements") || l.contains("regression:"));
        assertThat(row(lines, "/api/companies ")).endsWith("412");
    }

    @Test
    void aLongKeyIsShortenedKeepingItsMethodAndLastSegmentsAndNoLineIsWiderThan120() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);
        ObjectNode endpoints = (ObjectNode) results.at("/profiling/endpoints");
        endpoints.set(LONG, endpoints.get("/api/slow").deepCopy());
        endpoints.set("POST /api/" + "x".repeat(150), endpoints.get("POST /api/trading/backtest").deepCopy());
        ((ObjectNode) results.at("/profiling/n_plus_one/0")).put("query", "SELECT " + "a, ".repeat(80) + "b");

        List<String> lines = SummaryTable.lines(results);

        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(SummaryTable.WIDTH));
        assertThat(lines).anyMatch(l -> l.startsWith("GET /api/...") && l.contains("/adjusted-close "));
        assertThat(lines).anyMatch(l -> l.startsWith("POST /api/xxx") && l.contains("... (cold)"));
        assertThat(SummaryTable.shorten(LONG, 40)).isEqualTo("GET /api/.../{from}/{to}/adjusted-close");
    }

    @Test
    void resultsOfAnOlderProfilerWithoutWarmTakeItsOwnMeasurementAsWarm() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);
        results.at("/profiling/endpoints").forEach(e -> ((ObjectNode) e).remove(List.of("warm", "first_call_ms")));

        List<String> lines = SummaryTable.lines(results);

        assertThat(row(lines, "/api/companies ")).doesNotContain("(cold)").contains("  -  ");
        assertThat(row(lines, "POST /api/trading/backtest")).contains("(cold)");
    }

    @Test
    void theTableFollowsTheVerdictWithoutTheTimePrefixAndNothingIsPrintedWithoutProfiling() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);

        List<String> printed = print(results);

        assertThat(printed.get(0)).contains("verdict: exit code 0");
        assertThat(printed.get(1)).startsWith("endpoints: 4 (");
        assertThat(printed.get(printed.size() - 1)).startsWith("baseline: not compared");
        results.remove("profiling");
        assertThat(print(results)).hasSize(1);
    }

    private static String row(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + prefix + " in\n" + String.join("\n", lines)));
    }

    private static List<String> print(ObjectNode results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.event(new RunVerdict("stonks-inttest-s1", 0, results, Instant.parse("2026-01-15T12:00:00Z")));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
