package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The repository's results schema: what the reporter writes is valid, a broken shape is not. */
class ResultsSchemaTest {

    @Test
    void aFullResultsDocumentWithBudgetsMemoryAndSqlIsValid() {
        // Given
        JsonNode results = ProfilingPassThroughTest.passingRun(ProfilingPassThroughTest.FULL).results();

        // When
        List<String> violations = SchemaFile.violations(results.toString());

        // Then
        assertThat(violations).isEmpty();
        assertThat(results.get("budgets")).hasSize(5);
        assertThat(results.at("/profiling/memory")).hasSize(2);
        assertThat(results.at("/profiling/sql/statements")).hasSize(2);
    }

    @Test
    void theArtifactsListAndAStoreFailureAreValidAndABrokenEntryIsNot() {
        // Given results that list their artifacts, and results whose store failed
        ObjectNode listed = ProfilingPassThroughTest.passingRun(ProfilingPassThroughTest.FULL).results();
        ObjectNode entry = listed.putArray("artifacts").addObject();
        entry.put("name", "junit.xml").put("content_type", "application/xml").put("size", 1234)
                .put("url", "/api/runs/stonks-inttest-b1/artifacts/junit.xml");
        listed.withArray("artifacts").addObject().put("name", "results.json").put("content_type", "application/json")
                .put("url", "http://reporter:8080/api/runs/stonks-inttest-b1/artifacts/results.json");
        ObjectNode failed = ProfilingPassThroughTest.passingRun(ProfilingPassThroughTest.FULL).results();
        failed.put("artifacts_error", "the artifact store did not answer within 20 s");

        // Then
        assertThat(SchemaFile.violations(listed.toString())).isEmpty();
        assertThat(SchemaFile.violations(failed.toString())).isEmpty();
        entry.put("name", "../etc/passwd");
        assertThat(SchemaFile.violations(listed.toString())).isNotEmpty();
        entry.put("name", "junit.xml").remove("url");
        assertThat(SchemaFile.violations(listed.toString())).isNotEmpty();
    }

    @Test
    void theSeedsExampleIsStillValidAndItsFieldsStillRequired() throws Exception {
        // Given the seed's contract example, without any additive field
        String seedExample = """
                {"run_id":"stonks-inttest-1705312800","image_tag":"abc123","started_at":"2025-01-15T12:00:00Z",
                 "completed_at":"2025-01-15T12:07:30Z","exit_code":0,
                 "stages":{"infra_deploy":{"duration_s":45.2,"status":"ok"},"seed_data":{"duration_s":8.1,"status":"ok"},
                   "service_deploy":{"duration_s":32.5,"status":"ok"},"integration_tests":{"duration_s":28.3,"status":"ok"},
                   "teardown":{"duration_s":5.0,"status":"ok"}},
                 "tests":{"total":41,"passed":41,"failed":0,"errors":0},
                 "profiling":{"endpoints":{"/api/companies":{"p50_ms":12,"p95_ms":25,"p99_ms":45}},"slow_endpoints":[]}}
                """;

        // Then
        assertThat(SchemaFile.violations(seedExample)).isEmpty();
        JsonNode schema = Json.MAPPER.readTree(Files.readString(SchemaFile.PATH));
        assertThat(texts(schema.get("required"))).containsExactly("run_id", "image_tag", "started_at",
                "completed_at", "exit_code", "stages", "tests", "profiling");
        assertThat(texts(schema.at("/properties/profiling/required"))).containsExactly("endpoints", "slow_endpoints");
    }

    @Test
    void brokenBudgetEntriesAreRejected() {
        assertRejected("a budget without metric", b -> b.remove("metric"));
        assertRejected("within as a string", b -> b.put("within", "yes"));
        assertRejected("within missing", b -> b.remove("within"));
        assertRejected("a measured budget without actual", b -> b.putNull("actual"));
        assertRejected("a negative limit", b -> b.put("limit", -1));
        assertRejected("exceeded_by not a list", b -> b.put("exceeded_by", "query-api"));
        assertRejected("an unmeasured budget without reason", b -> {
            b.putNull("within");
            b.putNull("actual");
        });
        assertRejected("budgets not a list", null);
    }

    @Test
    void brokenProfilingFieldsAreRejected() {
        assertProfilingRejected("memory without rss_mb", p -> ((ObjectNode) p.at("/memory/query-api")).remove("rss_mb"));
        assertProfilingRejected("rss_mb as text", p -> ((ObjectNode) p.at("/memory/query-api")).put("rss_mb", "180"));
        assertProfilingRejected("a statement without query",
                p -> ((ObjectNode) p.at("/sql/statements/0")).remove("query"));
        assertProfilingRejected("sql without statements", p -> ((ObjectNode) p.get("sql")).remove("statements"));
        assertProfilingRejected("an unknown endpoint source",
                p -> ((ObjectNode) p.at("/endpoints/~1api~1companies")).put("source", "guess"));
        assertProfilingRejected("a test call without p95",
                p -> ((ObjectNode) p.at("/test_calls/~1api~1companies")).remove("p95_ms"));
        assertProfilingRejected("an unavailable reason that is not text",
                p -> ((ObjectNode) p.get("unavailable")).put("redis", 3));
    }

    private static void assertRejected(String what, Consumer<ObjectNode> breakEntry) {
        ObjectNode results = ProfilingPassThroughTest.passingRun(ProfilingPassThroughTest.FULL).results();
        assertThat(SchemaFile.violations(results.toString())).as("before breaking: " + what).isEmpty();
        if (breakEntry == null) {
            results.put("budgets", "all within");
        } else {
            ArrayNode budgets = (ArrayNode) results.get("budgets");
            breakEntry.accept((ObjectNode) budgets.get(0));
        }
        assertThat(SchemaFile.violations(results.toString())).as(what).isNotEmpty();
    }

    private static void assertProfilingRejected(String what, Consumer<JsonNode> breakProfiling) {
        ObjectNode results = ProfilingPassThroughTest.passingRun(ProfilingPassThroughTest.FULL).results();
        breakProfiling.accept(results.get("profiling"));
        assertThat(SchemaFile.violations(results.toString())).as(what).isNotEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
