package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.output.EndpointExample;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.EndpointSql;
import dev.stonks.inttest.events.output.EndpointStatement;
import dev.stonks.inttest.events.output.MemoryUsage;
import dev.stonks.inttest.events.output.NPlusOne;
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
    private static final EndpointSqlReading NOT_WATCHED = EndpointSqlReading.none(5, null);

    @Test
    void theTestsCallsAreColdWithTheirFirstCallAndPercentilesOnlyWhereThereAreEnoughSamples() {
        // Given 100..1 ms for one endpoint (first call 100 ms), 3 calls of another
        List<Double> hundred = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList();

        ProfilingOutput out = testsOnly(tests(Map.of("/api/companies/{id}", hundred,
                "/api/trends/{id}", List.of(812.5, 12.0, 11.0))));

        EndpointProfile companies = out.endpoints().get("/api/companies/{id}");
        assertThat(companies.p99Ms()).isNotNull();
        assertThat(companies.count()).isEqualTo(100);
        assertThat(companies.source()).isEqualTo(EndpointProfile.TESTS);
        assertThat(companies.warm()).isFalse();
        assertThat(companies.firstCallMs()).isEqualTo(100.0);
        EndpointProfile trends = out.endpoints().get("/api/trends/{id}");
        assertThat(trends.p50Ms()).isNotNull();
        assertThat(trends.p95Ms()).isNull();
        assertThat(trends.p99Ms()).isNull();
        assertThat(trends.unavailable()).containsOnlyKeys("p95_ms", "p99_ms");
        assertThat(trends.firstCallMs()).isEqualTo(812.5);
        assertThat(out.testCalls()).isEqualTo(out.endpoints());
    }

    @Test
    void coldEndpointsAreNeverSlowHoweverSlowTheirCalls() {
        ProfilingOutput out = testsOnly(tests(Map.of(
                "/api/slow", Collections.nCopies(100, 900.0),
                "POST /api/trading/backtest", List.of(492.0, 900.0),
                "/api/empty", List.of())));

        assertThat(out.slowEndpoints()).isEmpty();
        assertThat(out.endpoints()).containsOnlyKeys("/api/slow", "POST /api/trading/backtest");
        assertThat(out.endpoints().get("/api/slow").p99Ms()).isEqualTo(900.0);
        assertThat(out.unavailable()).isEmpty();
    }

    @Test
    void warmFiguresReplaceTheTestCallsKeepTheFirstCallAndOnlyWarmOnesAreSlow() {
        // Given: a cold first call of 2.8 s in the tests of two GET endpoints; one was measured warm, one could not
        // be repeated; a POST measured warm too (repeatable) and still slow; a write call not measured
        TestsOutput tests = tests(Map.of(
                "/api/companies/{id}", List.of(2800.0, 12.0, 11.0),
                "/api/orders/{id}", List.of(2100.0, 9.0),
                "POST /api/trading/backtest", List.of(1500.0, 700.0),
                "POST /api/orders", List.of(40.0, 45.0)));
        WarmSamples warm = new WarmSamples(Map.of(
                "/api/companies/{id}", Collections.nCopies(100, 4.0),
                "POST /api/trading/backtest", Collections.nCopies(100, 650.0)),
                Map.of("/api/orders/{id}", "GET http://127.0.0.1:8081/api/orders/7 answered 404 at the warm-up "
                        + "call 1 of 10"), 220);

        // When
        ProfilingOutput out = EndpointProfiler.assemble(500, tests, warm, NOT_WATCHED, NO_MEMORY, NO_SQL);

        // Then
        EndpointProfile companies = out.endpoints().get("/api/companies/{id}");
        assertThat(companies.source()).isEqualTo(EndpointProfile.PROFILE);
        assertThat(companies.warm()).isTrue();
        assertThat(companies.count()).isEqualTo(100);
        assertThat(companies.p99Ms()).isEqualTo(4.0);
        assertThat(companies.firstCallMs()).isEqualTo(2800.0);
        assertThat(companies.unavailable()).isEmpty();
        assertThat(companies.sql()).isNull();

        EndpointProfile orders = out.endpoints().get("/api/orders/{id}");
        assertThat(orders.source()).isEqualTo(EndpointProfile.TESTS);
        assertThat(orders.warm()).isFalse();
        assertThat(orders.p50Ms()).isNotNull();
        assertThat(orders.p99Ms()).isNull();
        assertThat(orders.firstCallMs()).isEqualTo(2100.0);
        assertThat(out.endpoints().get("POST /api/orders").warm()).isFalse();
        assertThat(out.endpoints().get("POST /api/trading/backtest").warm()).isTrue();

        assertThat(out.slowEndpoints()).containsExactly("POST /api/trading/backtest");
        assertThat(out.unavailable()).containsOnly(Map.entry("endpoint /api/orders/{id}",
                "GET http://127.0.0.1:8081/api/orders/7 answered 404 at the warm-up call 1 of 10"));

        // and the tests' own figures are all kept, cold first calls included
        assertThat(out.testCalls()).containsOnlyKeys("/api/companies/{id}", "/api/orders/{id}",
                "POST /api/trading/backtest", "POST /api/orders");
        assertThat(out.testCalls().values()).extracting(EndpointProfile::warm).containsOnly(false);
        assertThat(out.testCalls().get("/api/companies/{id}").maxMs()).isEqualTo(2800.0);
    }

    @Test
    void aWarmEndpointWithTooFewSamplesForAP99IsNotJudgedSlow() {
        TestsOutput tests = tests(Map.of("/api/report", List.of(900.0)));
        WarmSamples warm = new WarmSamples(Map.of("/api/report", Collections.nCopies(20, 650.0)), Map.of(), 23);

        ProfilingOutput out = EndpointProfiler.assemble(500, tests, warm, NOT_WATCHED, NO_MEMORY, NO_SQL);

        assertThat(out.endpoints().get("/api/report").p99Ms()).isNull();
        assertThat(out.endpoints().get("/api/report").unavailable())
                .containsOnly(Map.entry("p99_ms", "needs >= 100 samples, had 20"));
        assertThat(out.slowEndpoints()).isEmpty();
    }

    @Test
    void probesAreKeptApartFromEndpointsTestCallsAndTheSlowList() {
        TestsOutput tests = tests(Map.of("/api/companies/{id}", List.of(5.0, 4.0)))
                .withProbes(Map.of("/api/nothing-here", List.of(950.0, 3.0)));

        ProfilingOutput out = EndpointProfiler.assemble(500, tests, WarmSamples.none(), NOT_WATCHED, NO_MEMORY,
                NO_SQL);

        assertThat(out.endpoints()).containsOnlyKeys("/api/companies/{id}");
        assertThat(out.testCalls()).containsOnlyKeys("/api/companies/{id}");
        assertThat(out.slowEndpoints()).isEmpty();
        EndpointProfile probe = out.probes().get("/api/nothing-here");
        assertThat(probe.source()).isEqualTo(EndpointProfile.TESTS);
        assertThat(probe.warm()).isFalse();
        assertThat(probe.count()).isEqualTo(2);
        assertThat(probe.firstCallMs()).isEqualTo(950.0);
    }

    @Test
    void theStatementsPerRequestGoOnTheWarmEndpointAndTheNPlusOneFindingsIntoTheOutput() {
        TestsOutput tests = tests(Map.of("/api/companies", List.of(30.0), "/api/trends", List.of(8.0)));
        WarmSamples warm = new WarmSamples(Map.of("/api/companies", Collections.nCopies(100, 6.0),
                "/api/trends", Collections.nCopies(100, 2.0)), Map.of(), 220);
        EndpointSql companiesSql = new EndpointSql(100, 13.0, List.of(
                new EndpointStatement("SELECT count(*) FROM trades WHERE company_id = $1", 12.0, 40.0),
                new EndpointStatement("SELECT id FROM companies", 1.0, 5.0)));
        NPlusOne finding = new NPlusOne("/api/companies", "SELECT count(*) FROM trades WHERE company_id = $1",
                12.0, 40.0);
        EndpointSqlReading watched = new EndpointSqlReading(Map.of("/api/companies", companiesSql),
                List.of(finding), 5, null);

        ProfilingOutput out = EndpointProfiler.assemble(500, tests, warm, watched, NO_MEMORY, NO_SQL);

        assertThat(out.endpoints().get("/api/companies").sql()).isEqualTo(companiesSql);
        assertThat(out.endpoints().get("/api/trends").sql()).isNull();
        assertThat(out.testCalls().get("/api/companies").sql()).isNull();
        assertThat(out.nPlusOne()).containsExactly(finding);
        assertThat(out.nPlusOneThreshold()).isEqualTo(5.0);
    }

    @Test
    void memoryAndSqlGoIntoTheOutputAndWhatCouldNotBeReadIntoUnavailable() {
        MemoryReading memory = new MemoryReading(Map.of("query-api", new MemoryUsage(210.5, 250.0, "proc")),
                List.of("trading: process 4711 is no longer running"));
        SqlProfile sql = new SqlProfile(List.of(new SqlStatement("SELECT pg_sleep($1)", 3, 150.2, 151.0, 450.6, 3,
                true)), 100);

        ProfilingOutput out = EndpointProfiler.assemble(500, tests(Map.of("/api/x", List.of(1.0))),
                WarmSamples.none(), NOT_WATCHED, memory, SqlReading.of(sql));
        assertThat(out.memory()).containsOnlyKeys("query-api");
        assertThat(out.sql()).isEqualTo(sql);
        assertThat(out.unavailable()).containsOnly(Map.entry("memory", "trading: process 4711 is no longer running"));

        String noExtension = "the extension pg_stat_statements is not installed in database stonks";
        ProfilingOutput without = EndpointProfiler.assemble(500, tests(Map.of("/api/x", List.of(1.0))),
                WarmSamples.none(), EndpointSqlReading.none(5, noExtension),
                MemoryReading.unavailable("no metrics API"), SqlReading.unavailable(noExtension));
        assertThat(without.sql()).isNull();
        assertThat(without.unavailable()).containsOnlyKeys("memory", "sql", "sql per endpoint");
        assertThat(without.unavailable().get("sql per endpoint")).isEqualTo(noExtension);
    }

    @Test
    void theOutputIsSnakeCaseJsonWithNullPercentilesAndTheirReasons() {
        TestsOutput tests = tests(Map.of("/api/companies/{id}", List.of(2800.0, 12.0)))
                .withExamples(Map.of("/api/companies/{id}", new EndpointExample("query-api", "/api/companies/1")))
                .withProbes(Map.of("/api/nothing-here", List.of(3.0)));
        WarmSamples warm = new WarmSamples(Map.of("/api/companies/{id}", Collections.nCopies(20, 4.0)), Map.of(),
                30);

        var json = Json.tree(EndpointProfiler.assemble(500, tests, warm, NOT_WATCHED, NO_MEMORY, NO_SQL));

        var endpoint = json.at("/endpoints/~1api~1companies~1{id}");
        assertThat(endpoint.get("source").asText()).isEqualTo("profile");
        assertThat(endpoint.get("warm").asBoolean()).isTrue();
        assertThat(endpoint.get("first_call_ms").asDouble()).isEqualTo(2800.0);
        assertThat(endpoint.get("p95_ms").asDouble()).isEqualTo(4.0);
        assertThat(endpoint.get("p99_ms").isNull()).isTrue();
        assertThat(endpoint.at("/unavailable/p99_ms").asText()).isEqualTo("needs >= 100 samples, had 20");
        assertThat(json.at("/test_calls/~1api~1companies~1{id}/max_ms").asDouble()).isEqualTo(2800.0);
        assertThat(json.at("/test_calls/~1api~1companies~1{id}/warm").asBoolean(true)).isFalse();
        assertThat(json.at("/probes/~1api~1nothing-here/count").asInt()).isEqualTo(1);
        assertThat(json.at("/slow_endpoints").size()).isZero();
        assertThat(json.has("n_plus_one")).as("none found: left out").isFalse();
        assertThat(json.at("/n_plus_one_threshold").asDouble()).isEqualTo(5.0);
        assertThat(json.has("sql")).isFalse();
        assertThat(json.has("unavailable")).isFalse();
    }

    private static ProfilingOutput testsOnly(TestsOutput tests) {
        return EndpointProfiler.assemble(500, tests, WarmSamples.none(), NOT_WATCHED, NO_MEMORY, NO_SQL);
    }

    private static TestsOutput tests(Map<String, List<Double>> timings) {
        return new TestsOutput(1, 1, 0, 0, 0, List.of(), timings);
    }
}
