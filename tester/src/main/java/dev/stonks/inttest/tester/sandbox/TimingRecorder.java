package dev.stonks.inttest.tester.sandbox;

import dev.stonks.inttest.events.output.EndpointExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Latency samples in milliseconds per endpoint key (see {@link PathTemplate#endpointKey}), the samples of probes
 * (calls of routes the target does not have) apart from them, and per endpoint the first repeatable call that
 * answered 2xx (for the profiler to repeat). Thread-safe.
 */
public final class TimingRecorder {
    private final ConcurrentMap<String, List<Double>> samples = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<Double>> probes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, EndpointExample> examples = new ConcurrentHashMap<>();

    public void record(String endpointKey, long nanos) {
        add(samples, endpointKey, nanos);
    }

    /** A probe's sample: kept under {@link #probes()}, never among the endpoints' samples. */
    public void recordProbe(String endpointKey, long nanos) {
        add(probes, endpointKey, nanos);
    }

    /** Keeps {@code example} for the endpoint unless it already has one. */
    public void example(String endpointKey, EndpointExample example) {
        examples.putIfAbsent(endpointKey, example);
    }

    /** The examples so far, endpoints sorted. */
    public Map<String, EndpointExample> examples() {
        return new TreeMap<>(examples);
    }

    /** A copy of every sample so far (probes not included), endpoints sorted, samples in recording order. */
    public Map<String, List<Double>> snapshot() {
        return copy(samples);
    }

    /** A copy of the probes' samples so far, endpoints sorted, samples in recording order. */
    public Map<String, List<Double>> probes() {
        return copy(probes);
    }

    private static void add(ConcurrentMap<String, List<Double>> into, String endpointKey, long nanos) {
        double ms = Math.round(nanos / 1_000.0) / 1_000.0;
        into.computeIfAbsent(endpointKey, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
    }

    private static Map<String, List<Double>> copy(ConcurrentMap<String, List<Double>> from) {
        Map<String, List<Double>> copy = new TreeMap<>();
        from.forEach((endpoint, list) -> {
            synchronized (list) {
                copy.put(endpoint, List.copyOf(list));
            }
        });
        return copy;
    }
}
