package dev.stonks.inttest.reporter;

import static dev.stonks.inttest.events.Stage.INFRA_DEPLOY;
import static dev.stonks.inttest.events.Stage.INTEGRATION_TESTS;
import static dev.stonks.inttest.events.Stage.PROFILING;
import static dev.stonks.inttest.events.Stage.SEED_DATA;
import static dev.stonks.inttest.events.Stage.SERVICE_DEPLOY;
import static dev.stonks.inttest.events.Stage.TEARDOWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.MemoryUsage;
import dev.stonks.inttest.events.output.NPlusOne;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.SqlProfile;
import dev.stonks.inttest.events.output.SqlStatement;
import dev.stonks.inttest.events.output.TestsOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilingPassThroughTest {

    static final ProfilingOutput FULL = new ProfilingOutput(
            Map.of("/api/companies", new EndpointProfile(4, 9, 12, 14, 30, EndpointProfile.PROFILE),
                    "/api/orders/{id}", new EndpointProfile(40, 90, 95, 95, 2, EndpointProfile.TESTS)),
            List.of(), 500,
            Map.of("/api/companies", new EndpointProfile(30, 1900, 1900, 1900, 3, EndpointProfile.TESTS)),
            Map.of("query-api", new MemoryUsage(180.5, 201.0, "proc"),
                    "risk-engine", new MemoryUsage(150.0, null, "metrics-api")),
            new SqlProfile(List.of(
                    new SqlStatement("SELECT * FROM trends WHERE company_id = $1", 40, 120.5, 300.0, 4820.0, 40, true),
                    new SqlStatement("SELECT 1", 3, 0.1, 0.2, 0.3, 3, false)), 100),
            Map.of("redis", "no pid recorded"));

    @Test
    void theProfilersMeasurementsArePassedThroughAsItWroteThem() {
        // Given
        RunFixture run = passingRun(FULL);

        // When
        JsonNode results = run.results();

        // Then
        JsonNode written = Json.tree(FULL);
        JsonNode profiling = results.get("profiling");
        for (String field : List.of("endpoints", "slow_endpoints", "slow_threshold_ms", "test_calls", "memory",
                "sql", "unavailable")) {
            assertThat(profiling.get(field)).as(field).isEqualTo(written.get(field));
        }
        assertThat(profiling.at("/endpoints/~1api~1orders~1{id}/source").asText()).isEqualTo("tests");
        assertThat(profiling.at("/memory/risk-engine").has("peak_rss_mb")).isFalse();
        assertThat(profiling.at("/sql/statements/0/slow").asBoolean()).isTrue();
        assertThat(SchemaFile.violations(results.toString())).isEmpty();
    }

    @Test
    void aFirstCutProfilingOutputGivesTheFirstCutProfilingSection() {
        // Given: the profiler only reported endpoints (no test calls, memory, sql, nothing unavailable)
        RunFixture run = passingRun(new ProfilingOutput(
                Map.of("/api/companies", new EndpointProfile(4, 9, 12, 14, 30)), List.of(), 500));

        // When
        JsonNode profiling = run.results().get("profiling");

        // Then: and the comparison with earlier runs (none here: no history)
        assertThat(profiling.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("endpoints", "slow_endpoints", "slow_threshold_ms", "regressions",
                        "baseline");
        assertThat(profiling.get("regressions")).isEmpty();
        assertThat(profiling.get("baseline").get("reason").asText()).startsWith("history unavailable");
    }

    @Test
    void probesAndNPlusOneFindingsArePassedThrough() {
        // Given
        ProfilingOutput output = new ProfilingOutput(
                Map.of("/api/companies", new EndpointProfile(4, 9, 12, 14, 30, EndpointProfile.PROFILE)
                        .withWarm(true)), List.of(), 500, null, null, null, null,
                Map.of("/api/nothing-here", new EndpointProfile(2, 3, 3, 3, 1, EndpointProfile.TESTS).withWarm(false)),
                List.of(new NPlusOne("/api/companies", "SELECT * FROM aliases WHERE company_id = $1", 8, 12.5)), 5.0);

        // When
        JsonNode profiling = passingRun(output).results().get("profiling");

        // Then
        JsonNode written = Json.tree(output);
        for (String field : List.of("probes", "n_plus_one", "n_plus_one_threshold")) {
            assertThat(profiling.get(field)).as(field).isEqualTo(written.get(field));
        }
        assertThat(profiling.at("/n_plus_one/0/calls_per_request").asDouble()).isEqualTo(8.0);
    }

    @Test
    void withoutAProfilingStageTheSeedsProfilingShapeRemains() {
        JsonNode results = new RunFixture().ok(INFRA_DEPLOY, null).ok(TEARDOWN, null).results();

        assertThat(results.get("profiling").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("endpoints", "slow_endpoints", "regressions", "baseline");
        assertThat(results.at("/profiling/baseline/reason").asText()).contains("no seed fingerprint");
        assertThat(results.get("seed_fingerprint").isNull()).isTrue();
        assertThat(results.at("/profiling/endpoints")).isEmpty();
    }

    static RunFixture passingRun(ProfilingOutput profiling) {
        return new RunFixture().ok(INFRA_DEPLOY, null)
                .ok(SEED_DATA, BudgetsTest.seed(8.1))
                .ok(SERVICE_DEPLOY, BudgetsTest.services(Map.of("query-api", 9.1, "risk-engine", 12.5)))
                .ok(INTEGRATION_TESTS, new TestsOutput(12, 12, 0, 0, 0, List.of(), Map.of()))
                .ok(PROFILING, profiling)
                .ok(TEARDOWN, null);
    }
}
