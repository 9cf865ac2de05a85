package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final String RESULTS = """
            {"run_id":"stonks-inttest-p1","exit_code":0,
             "tests":{"total":12,"passed":12,"failed":0,"errors":0},
             "profiling":{"endpoints":{},"slow_endpoints":[],
               "sql":{"slow_mean_ms":100,"statements":[
                 {"query":"SELECT * FROM trends\\n  WHERE company_id = $1","calls":40,"mean_ms":120.5,"max_ms":300,
                  "total_ms":4820,"slow":true},
                 {"query":"SELECT 1","calls":3,"mean_ms":0.1,"max_ms":0.2,"total_ms":0.3,"slow":false},
                 {"query":"UPDATE orders SET status = $1","calls":2,"mean_ms":450.25,"max_ms":800,
                  "total_ms":900.5,"slow":true}]}},
             "budgets":[
               {"metric":"seed_insertion_s","limit":30,"unit":"s","actual":8.1,"subject":"seed_data","within":true},
               {"metric":"service_startup_s","limit":30,"unit":"s","actual":45.2,"subject":"risk-engine",
                "within":false,"exceeded_by":["risk-engine","query-api"]},
               {"metric":"api_p95_ms","limit":200,"unit":"ms","actual":80,"subject":"/api/x","within":true,
                "exceeded_by":[]},
               {"metric":"api_p99_ms","limit":500,"unit":"ms","actual":612,"subject":"/api/trends/{id}",
                "within":false,"exceeded_by":["/api/trends/{id}"]},
               {"metric":"total_pipeline_s","limit":600,"unit":"s","actual":null,"subject":null,"within":null,
                "reason":"the run has not finished (teardown not done)"}]}
            """;

    @Test
    void afterTheVerdictOneLineSaysWhichBudgetsAreOverAndOneNamesTheSlowestSql() throws Exception {
        // Given
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);

        // When
        List<String> lines = print(results);

        // Then
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("verdict: exit code 0 - 12/12 tests passed");
        assertThat(lines.get(1)).endsWith("budgets: 2 of 5 within; over: service_startup_s 45.2 s > 30 s "
                + "(risk-engine, +1 more), api_p99_ms 612 ms > 500 ms (/api/trends/{id}); not measured: "
                + "total_pipeline_s (the run has not finished (teardown not done))");
        assertThat(lines.get(2)).endsWith("slow SQL: 2 of 3 statements with mean > 100 ms; slowest 450 ms mean "
                + "x 2 calls: UPDATE orders SET status = $1");
    }

    @Test
    void allWithinAndNoSlowSqlGiveOneShortLine() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);
        for (JsonNode b : results.get("budgets")) {
            ((ObjectNode) b).put("within", true).put("actual", 1.0);
        }
        results.at("/profiling/sql/statements").forEach(s -> ((ObjectNode) s).put("slow", false));

        List<String> lines = print(results);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("budgets: 5 of 5 within");
    }

    @Test
    void aFigureExactlyAtItsLimitIsShownAsReachingItAndSqlIsKeptOnOneLine() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);
        ((ObjectNode) results.get("budgets").get(0)).put("within", false).put("actual", 30);
        ((ObjectNode) results.at("/profiling/sql/statements/2")).put("query", "UPDATE \u001b[31morders\nSET x");

        List<String> lines = print(results);

        assertThat(lines.get(1)).contains("seed_insertion_s 30 s >= 30 s (seed_data)");
        assertThat(lines.get(2)).endsWith(": UPDATE [31morders SET x").doesNotContain("\u001b");
    }

    @Test
    void resultsOfAnOlderReporterWithoutBudgetsOrSqlPrintOnlyTheVerdict() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);
        results.remove("budgets");
        ((ObjectNode) results.get("profiling")).remove("sql");

        assertThat(print(results)).hasSize(1);
    }

    @Test
    void aCancelledRunSaysWhoCancelledItInsteadOfTheTestCounts() throws Exception {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(RESULTS);
        results.put("exit_code", 2).putObject("cancelled").put("by", "cli:alice").put("reason", "interrupted by SIGINT")
                .put("at", "2026-01-15T12:00:00Z");

        assertThat(print(results).get(0)).contains("verdict: exit code 2 - cancelled by cli:alice (interrupted by SIGINT)");
    }

    @Test
    void aStageGivenUpByTheWatchdogIsPrintedWithItsReasonAndARestartedStageIsNoHandOff() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        RunContext context = new RunContext("latest", "stonks-inttest-p1", false, 1, "local", null, null);
        Instant t0 = Instant.parse("2026-01-15T12:00:00Z");

        progress.event(new StageCompleted("stonks-inttest-p1", Stage.SERVICE_DEPLOY, 1, StageStatus.OK, t0, t0, 1.0,
                null, null, context));
        progress.event(new StageStarted("stonks-inttest-p1", Stage.INTEGRATION_TESTS, 1, t0.plusMillis(40), context));
        progress.event(new StageStarted("stonks-inttest-p1", Stage.INTEGRATION_TESTS, 1, t0.plusSeconds(9), context));
        progress.event(new RunTimedOut("stonks-inttest-p1", Stage.INTEGRATION_TESTS, 1, 30, t0.plusSeconds(40),
                context, "no stage.heartbeat from integration_tests for 30 s"));
        progress.event(new StageStarted("stonks-inttest-p1", Stage.TEARDOWN, 1, t0.plusSeconds(41), context));
        progress.event(new RunVerdict("stonks-inttest-p1", 0, Json.MAPPER.createObjectNode(), t0.plusSeconds(42)));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("integration_tests  given up: no stage.heartbeat from integration_tests for 30 s");
        assertThat(printed).contains("median 40 ms, max 40 ms over 1");
    }

    private static List<String> print(ObjectNode results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.event(new RunVerdict("stonks-inttest-p1", results.get("exit_code").asInt(), results,
                Instant.parse("2026-01-15T12:00:00Z")));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
