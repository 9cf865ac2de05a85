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
 * Latency samples in milliseconds per endpoint key (see {@link PathTemplate#endpointKey}), and per GET endpoint the
 * first call that answered 2xx (for the profiler to repeat). Thread-safe.
 */
public final class TimingRecorder {
    private final ConcurrentMap<String, List<Double>> samples = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, EndpointExample> examples = new ConcurrentHashMap<>();

    public void record(String endpointKey, long nanos) {
        double ms = Math.round(nanos / 1_000.0) / 1_000.0;
        samples.computeIfAbsent(endpointKey, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
    }

    /** Keeps {@code example} for the endpoint unless it already has one. */
    public void example(String endpointKey, EndpointExample example) {
        examples.putIfAbsent(endpointKey, example);
    }

    /** The examples so far, endpoints sorted. */
    public Map<String, EndpointExample> examples() {
        return new TreeMap<>(examples);
    }

    /** A copy of every sample so far, endpoints sorted, samples in recording order. */
    public Map<String, List<Double>> snapshot() {
        Map<String, List<Double>> copy = new TreeMap<>();
        samples.forEach((endpoint, list) -> {
            synchronized (list) {
                copy.put(endpoint, List.copyOf(list));
            }
        });
        return copy;
    }
}
