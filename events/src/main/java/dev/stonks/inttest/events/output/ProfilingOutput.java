package dev.stonks.inttest.events.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * profiling: per-endpoint percentiles and the endpoints slower than the threshold, plus what else the profiler
 * measured in the live sandbox.
 *
 * @param endpoints   per endpoint key: the profiler's warm measurement where it could repeat a call the tests made
 *                    ({@code source = profile}), else the tests' own calls ({@code source = tests})
 * @param testCalls   per endpoint key: the latencies of the calls the tests made, cold first calls included
 * @param memory      per service under test
 * @param sql         the database statements the services spent most time in
 * @param unavailable what could not be measured, with the reason (e.g. {@code memory -> no metrics API})
 * @param probes      per endpoint key: the tests' deliberate calls of routes the target does not have (404 probes),
 *                    kept apart so they never count as endpoints, slow or within budget
 * @param nPlusOne    statements executed more than {@code nPlusOneThreshold} times per request of an endpoint, most
 *                    calls per request first
 */
public record ProfilingOutput(Map<String, EndpointProfile> endpoints, List<String> slowEndpoints,
        double slowThresholdMs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, EndpointProfile> testCalls,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, MemoryUsage> memory,
        @JsonInclude(JsonInclude.Include.NON_NULL) SqlProfile sql,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> unavailable,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, EndpointProfile> probes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NPlusOne> nPlusOne,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double nPlusOneThreshold) {

    public ProfilingOutput {
        probes = sorted(probes);
        nPlusOne = nPlusOne == null ? List.of() : List.copyOf(nPlusOne);
        endpoints = sorted(endpoints);
        slowEndpoints = slowEndpoints == null ? List.of() : List.copyOf(slowEndpoints);
        testCalls = sorted(testCalls);
        memory = sorted(memory);
        unavailable = sorted(unavailable);
    }

    /** Keys in order, so the JSON reads the same on every run. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** Endpoint figures only (from the tests' calls). */
    public ProfilingOutput(Map<String, EndpointProfile> endpoints, List<String> slowEndpoints,
            double slowThresholdMs) {
        this(endpoints, slowEndpoints, slowThresholdMs, null, null, null, null, null, null, null);
    }

    /** Without probes or N+1 findings (outputs written before they were looked for). */
    public ProfilingOutput(Map<String, EndpointProfile> endpoints, List<String> slowEndpoints,
            double slowThresholdMs, Map<String, EndpointProfile> testCalls, Map<String, MemoryUsage> memory,
            SqlProfile sql, Map<String, String> unavailable) {
        this(endpoints, slowEndpoints, slowThresholdMs, testCalls, memory, sql, unavailable, null, null, null);
    }
}
