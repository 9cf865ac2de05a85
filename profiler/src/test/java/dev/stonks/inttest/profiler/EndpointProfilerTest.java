package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.output.EndpointExample;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.MemoryUsage;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.SqlProfile;
import dev.stonks.inttest.events.output.SqlStatement;
import dev.stonks.inttest.events.output.TestsOutput;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EndpointProfilerTest {
    private static final MemoryReading NO_MEMORY = new MemoryReading(Map.of(), List.of());
    private static final SqlReading NO_SQL = new SqlReading(null, null);

    @Test
    void computesNearestRankPercentilesPerEndpoint() {
        // Given 1..100 ms for one endpoint
        List<Double> samples = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList();

        // When
        ProfilingOutput out = testsOnly(tests(Map.of("/api/companies/{id}", samples)));

        // Then
        var p = out.endpoints().get("/api/companies/{id}");
        assertThat(p.p50Ms()).isEqualTo(50.0);
        assertThat(p.p95Ms()).isEqualTo(95.0);
        assertThat(p.p99Ms()).isEqualTo(99.0);
        assertThat(p.maxMs()).isEqualTo(100.0);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.source()).isEqualTo(EndpointProfile.TESTS);
        assertThat(out.slowEndpoints()).isEmpty();
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        var p = testsOnly(tests(Map.of("/api/trends/{id}", List.of(12.345)))).endpoints().get("/api/trends/{id}");
        assertThat(p.p50Ms()).isEqualTo(12.35);
        assertThat(p.p99Ms()).isEqualTo(12.35);
    }

    @Test
    void withoutWarmFiguresTheTestCallsAreTheEndpointsAndTheirSlowOnesAreFlagged() {
        ProfilingOutput out = testsOnly(tests(Map.of(
                "/api/slow", List.of(10.0, 20.0, 900.0),
                "/api/fast", List.of(1.0, 2.0, 3.0),
                "/api/empty", List.of())));
        assertThat(out.slowEndpoints()).containsExactly("/api/slow");
        assertThat(out.endpoints()).containsOnlyKeys("/api/slow", "/api/fast");
        assertThat(out.testCalls()).isEqualTo(out.endpoints());
        assertThat(out.unavailable()).isEmpty();
    }

    @Test
    void warmFiguresReplaceTheTestCallsAndTheSlowListComesFromTheMergedFigures() {
        // Given: a cold first call of 2.8 s in the tests of two GET endpoints; one was measured warm, one could not
        // be repeated; a POST has no example
        TestsOutput tests = tests(Map.of(
                "/api/companies/{id}", List.of(2800.0, 12.0, 11.0),
                "/api/orders/{id}", List.of(2100.0, 9.0),
                "POST /api/orders", List.of(40.0, 45.0)));
        WarmSamples warm = new WarmSamples(
                Map.of("/api/companies/{id}", Collections.nCopies(20, 4.0)),
                Map.of("/api/orders/{id}", "GET http://127.0.0.1:8081/api/orders/7 answered 404 at the warm-up call "
                        + "1 of 3"), 23);

        // When
        ProfilingOutput out = EndpointProfiler.assemble(500, tests, warm, NO_MEMORY, NO_SQL);

        // Then the warm endpoint is no longer slow; the one that fell back still is, with the reason
        assertThat(out.endpoints().get("/api/companies/{id}"))
                .isEqualTo(new EndpointProfile(4.0, 4.0, 4.0, 4.0, 20, EndpointProfile.PROFILE));
        assertThat(out.endpoints().get("/api/orders/{id}").source()).isEqualTo(EndpointProfile.TESTS);
        assertThat(out.endpoints().get("/api/orders/{id}").p99Ms()).isEqualTo(2100.0);
        assertThat(out.endpoints().get("POST /api/orders").source()).isEqualTo(EndpointProfile.TESTS);
        assertThat(out.slowEndpoints()).containsExactly("/api/orders/{id}");
        assertThat(out.unavailable()).containsOnly(Map.entry("endpoint /api/orders/{id}",
                "GET http://127.0.0.1:8081/api/orders/7 answered 404 at the warm-up call 1 of 3"));

        // and the tests' own figures are all kept, cold first calls included
        assertThat(out.testCalls()).containsOnlyKeys("/api/companies/{id}", "/api/orders/{id}", "POST /api/orders");
        assertThat(out.testCalls().values()).extracting(EndpointProfile::source).containsOnly(EndpointProfile.TESTS);
        assertThat(out.testCalls().get("/api/companies/{id}").p99Ms()).isEqualTo(2800.0);
    }

    @Test
    void aWarmEndpointThatIsStillSlowIsFlagged() {
        TestsOutput tests = tests(Map.of("/api/report", List.of(900.0)));
        WarmSamples warm = new WarmSamples(Map.of("/api/report", Collections.nCopies(20, 650.0)), Map.of(), 23);

        ProfilingOutput out = EndpointProfiler.assemble(500, tests, warm, NO_MEMORY, NO_SQL);

        assertThat(out.slowEndpoints()).containsExactly("/api/report");
        assertThat(out.endpoints().get("/api/report").source()).isEqualTo(EndpointProfile.PROFILE);
    }

    @Test
    void memoryAndSqlGoIntoTheOutputAndWhatCouldNotBeReadIntoUnavailable() {
        MemoryReading memory = new MemoryReading(Map.of("query-api", new MemoryUsage(210.5, 250.0, "proc")),
                List.of("trading: process 4711 is no longer running"));
        SqlProfile sql = new SqlProfile(List.of(new SqlStatement("SELECT pg_sleep($1)", 3, 150.2, 151.0, 450.6, 3,
                true)), 100);

        ProfilingOutput out = EndpointProfiler.assemble(500, tests(Map.of("/api/x", List.of(1.0))),
                WarmSamples.none(), memory, SqlReading.of(sql));
        assertThat(out.memory()).containsOnlyKeys("query-api");
        assertThat(out.sql()).isEqualTo(sql);
        assertThat(out.unavailable()).containsOnly(Map.entry("memory", "trading: process 4711 is no longer running"));

        ProfilingOutput without = EndpointProfiler.assemble(500, tests(Map.of("/api/x", List.of(1.0))),
                WarmSamples.none(), MemoryReading.unavailable("no metrics API"),
                SqlReading.unavailable("the extension pg_stat_statements is not installed in database stonks"));
        assertThat(without.sql()).isNull();
        assertThat(without.unavailable()).containsOnlyKeys("memory", "sql");
    }

    @Test
    void theOutputIsSnakeCaseJsonWithSourcesAndTestCalls() {
        TestsOutput tests = tests(Map.of("/api/companies/{id}", List.of(2800.0, 12.0)))
                .withExamples(Map.of("/api/companies/{id}", new EndpointExample("query-api", "/api/companies/1")));
        WarmSamples warm = new WarmSamples(Map.of("/api/companies/{id}", List.of(3.0, 4.0)), Map.of(), 5);

        var json = Json.tree(EndpointProfiler.assemble(500, tests, warm, NO_MEMORY, NO_SQL));

        assertThat(json.at("/endpoints/~1api~1companies~1{id}/source").asText()).isEqualTo("profile");
        assertThat(json.at("/test_calls/~1api~1companies~1{id}/p99_ms").asDouble()).isEqualTo(2800.0);
        assertThat(json.at("/slow_endpoints").size()).isZero();
        assertThat(json.has("sql")).isFalse();
        assertThat(json.has("unavailable")).isFalse();
    }

    private static ProfilingOutput testsOnly(TestsOutput tests) {
        return EndpointProfiler.assemble(500, tests, WarmSamples.none(), NO_MEMORY, NO_SQL);
    }

    private static TestsOutput tests(Map<String, List<Double>> timings) {
        return new TestsOutput(1, 1, 0, 0, 0, List.of(), timings);
    }
}
