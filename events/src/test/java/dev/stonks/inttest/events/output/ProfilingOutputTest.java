package dev.stonks.inttest.events.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilingOutputTest {

    @Test
    void theFirstCutShapeIsUnchangedWhenNothingElseWasMeasured() {
        ProfilingOutput first = new ProfilingOutput(Map.of("/api/x", new EndpointProfile(1, 2, 3, 3, 4)), List.of(),
                500);

        JsonNode json = Json.tree(first);

        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("endpoints", "slow_endpoints", "slow_threshold_ms");
        assertThat(json.at("/endpoints/~1api~1x").has("source")).isFalse();
        assertThat(Json.convert(json, ProfilingOutput.class)).isEqualTo(first);
    }

    @Test
    void memorySqlAndTestCallsRoundTripInSnakeCase() {
        ProfilingOutput full = new ProfilingOutput(
                Map.of("/api/x", new EndpointProfile(1, 2, 3, 3, 20, EndpointProfile.PROFILE)), List.of("/api/x"), 2,
                Map.of("/api/x", new EndpointProfile(9, 9, 9, 9, 1, EndpointProfile.TESTS)),
                Map.of("query-api", new MemoryUsage(180.5, 201.0, "proc")),
                new SqlProfile(List.of(new SqlStatement("SELECT 1", 3, 150.0, 200.0, 450.0, 3, true)), 100),
                Map.of("memory", "no metrics API"));

        JsonNode json = Json.tree(full);

        assertThat(json.at("/endpoints/~1api~1x/source").asText()).isEqualTo("profile");
        assertThat(json.at("/test_calls/~1api~1x/count").asInt()).isEqualTo(1);
        assertThat(json.at("/memory/query-api/peak_rss_mb").asDouble()).isEqualTo(201.0);
        assertThat(json.at("/sql/statements/0/mean_ms").asDouble()).isEqualTo(150.0);
        assertThat(json.at("/sql/slow_mean_ms").asDouble()).isEqualTo(100.0);
        assertThat(json.at("/unavailable/memory").asText()).isEqualTo("no metrics API");
        assertThat(Json.convert(json, ProfilingOutput.class)).isEqualTo(full);
        assertThat(full.sql().slow()).hasSize(1);
    }

    @Test
    void endpointsAreWrittenInPathOrderWhateverOrderTheyCameIn() {
        Map<String, EndpointProfile> unordered = new java.util.HashMap<>();
        for (String path : List.of("/api/z", "/api/a", "POST /api/m", "/api/companies/{id}", "/api/b")) {
            unordered.put(path, new EndpointProfile(1, 1, 1, 1, 1));
        }

        JsonNode json = Json.tree(new ProfilingOutput(unordered, List.of(), 500));

        assertThat(json.get("endpoints").fieldNames()).toIterable()
                .containsExactly("/api/a", "/api/b", "/api/companies/{id}", "/api/z", "POST /api/m");
    }

    @Test
    void aPercentileWithTooFewSamplesIsWrittenAsNullWithItsReasonAndNPlusOneInSnakeCase() {
        EndpointProfile cold = new EndpointProfile(41.0, null, null, 45.2, 4, EndpointProfile.TESTS, false, 45.2,
                Map.of("p95_ms", "needs >= 20 samples, had 4", "p99_ms", "needs >= 100 samples, had 4"), null);
        EndpointProfile warm = new EndpointProfile(2.0, 3.0, 4.0, 6.0, 100, EndpointProfile.PROFILE, true, 812.0,
                null, new EndpointSql(100, 12.0, List.of(new EndpointStatement("SELECT 1", 11.0, 9.5))));
        ProfilingOutput output = new ProfilingOutput(Map.of("POST /api/orders", cold, "/api/x", warm), List.of(), 500,
                null, null, null, null, Map.of("/api/nothing-here", new EndpointProfile(1, 1, 1, 1, 1)),
                List.of(new NPlusOne("/api/x", "SELECT 1", 11.0, 9.5)), 5.0);

        JsonNode json = Json.tree(output);

        assertThat(json.at("/endpoints/POST ~1api~1orders/p99_ms").isNull()).isTrue();
        assertThat(json.at("/endpoints/POST ~1api~1orders/unavailable/p99_ms").asText()).contains("100");
        assertThat(json.at("/endpoints/~1api~1x/first_call_ms").asDouble()).isEqualTo(812.0);
        assertThat(json.at("/endpoints/~1api~1x/sql/statements/0/calls_per_request").asDouble()).isEqualTo(11.0);
        assertThat(json.at("/n_plus_one/0/calls_per_request").asDouble()).isEqualTo(11.0);
        assertThat(json.at("/n_plus_one_threshold").asDouble()).isEqualTo(5.0);
        assertThat(json.at("/probes").has("/api/nothing-here")).isTrue();
        assertThat(Json.convert(json, ProfilingOutput.class)).isEqualTo(output);
    }
}
