package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestsOutput;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EndpointProfilerTest {

    private final EndpointProfiler profiler = new EndpointProfiler(() -> 500.0);

    @Test
    void computesNearestRankPercentilesPerEndpoint() {
        // Given 1..100 ms for one endpoint
        List<Double> samples = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList();

        // When
        ProfilingOutput out = profiler.profile(tests(Map.of("/api/companies/{id}", samples)));

        // Then
        var p = out.endpoints().get("/api/companies/{id}");
        assertThat(p.p50Ms()).isEqualTo(50.0);
        assertThat(p.p95Ms()).isEqualTo(95.0);
        assertThat(p.p99Ms()).isEqualTo(99.0);
        assertThat(p.maxMs()).isEqualTo(100.0);
        assertThat(p.count()).isEqualTo(100);
        assertThat(out.slowEndpoints()).isEmpty();
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        var p = profiler.profile(tests(Map.of("/api/trends/{id}", List.of(12.345)))).endpoints()
                .get("/api/trends/{id}");
        assertThat(p.p50Ms()).isEqualTo(12.35);
        assertThat(p.p99Ms()).isEqualTo(12.35);
    }

    @Test
    void flagsEndpointsWhoseP99ExceedsTheThreshold() {
        ProfilingOutput out = profiler.profile(tests(Map.of(
                "/api/slow", List.of(10.0, 20.0, 900.0),
                "/api/fast", List.of(1.0, 2.0, 3.0),
                "/api/empty", List.of())));
        assertThat(out.slowEndpoints()).containsExactly("/api/slow");
        assertThat(out.endpoints()).containsOnlyKeys("/api/slow", "/api/fast");
    }

    private static TestsOutput tests(Map<String, List<Double>> timings) {
        return new TestsOutput(1, 1, 0, 0, 0, List.of(), timings);
    }
}
