package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestsOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the tester's latency samples into per-endpoint percentiles and the list of slow endpoints. */
@ApplicationScoped
public class EndpointProfiler {
    private final ProfilerConfig config;

    public EndpointProfiler(ProfilerConfig config) {
        this.config = config;
    }

    public ProfilingOutput profile(TestsOutput tests) {
        Map<String, EndpointProfile> endpoints = new TreeMap<>();
        tests.timings().forEach((endpoint, samples) -> {
            if (!samples.isEmpty()) {
                endpoints.put(endpoint, Percentiles.of(samples));
            }
        });
        List<String> slow = endpoints.entrySet().stream()
                .filter(e -> e.getValue().p99Ms() > config.slowThresholdMs())
                .map(Map.Entry::getKey).toList();
        return new ProfilingOutput(endpoints, slow, config.slowThresholdMs());
    }
}
