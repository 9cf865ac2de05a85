package dev.stonks.inttest.events.output;

import java.util.List;
import java.util.Map;

/** profiling: per-endpoint percentiles and the endpoints slower than the threshold. */
public record ProfilingOutput(Map<String, EndpointProfile> endpoints, List<String> slowEndpoints,
        double slowThresholdMs) {
}
