package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.EndpointProfile;
import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles over latency samples. */
final class Percentiles {
    private Percentiles() {
    }

    static EndpointProfile of(List<Double> samplesMs) {
        if (samplesMs.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samplesMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new EndpointProfile(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1],
                sorted.length);
    }

    /** The nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(index, sorted.length - 1))]);
    }

    private static double round(double ms) {
        return Math.round(ms * 100.0) / 100.0;
    }

    static double[] sorted(List<Double> samples) {
        double[] a = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
