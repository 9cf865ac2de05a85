package dev.stonks.inttest.tester.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Latency samples in milliseconds per endpoint key (see {@link PathTemplate#endpointKey}). Thread-safe. */
public final class TimingRecorder {
    private final ConcurrentMap<String, List<Double>> samples = new ConcurrentHashMap<>();

    public void record(String endpointKey, long nanos) {
        double ms = Math.round(nanos / 1_000.0) / 1_000.0;
        samples.computeIfAbsent(endpointKey, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
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
