package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.EndpointProfile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles over samples in milliseconds, from an HdrHistogram of microseconds (3 significant digits: a
 * percentile is within 0.1 % of the exact sample, never above the largest one). A percentile is given only when there
 * are enough samples for it to say more than the maximum: p95 needs {@value #P95_MIN_SAMPLES}, p99
 * {@value #P99_MIN_SAMPLES}; otherwise it is null and {@code unavailable} says why.
 */
final class Percentiles {
    static final int P95_MIN_SAMPLES = 20;
    static final int P99_MIN_SAMPLES = 100;
    private static final int SIGNIFICANT_DIGITS = 3;

    private Percentiles() {
    }

    static EndpointProfile of(List<Double> samplesMs) {
        if (samplesMs.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        double max = 0;
        for (double ms : samplesMs) {
            if (!(ms >= 0) || Double.isInfinite(ms)) {
                throw new IllegalArgumentException("a latency sample must be a number >= 0, was " + ms);
            }
            histogram.recordValue(Math.round(ms * 1000.0));
            max = Math.max(max, ms);
        }
        int count = samplesMs.size();
        Map<String, String> unavailable = new TreeMap<>();
        Double p95 = percentile(histogram, 95, count, P95_MIN_SAMPLES, max, "p95_ms", unavailable);
        Double p99 = percentile(histogram, 99, count, P99_MIN_SAMPLES, max, "p99_ms", unavailable);
        return new EndpointProfile(at(histogram, 50, max), p95, p99, round(max), count, null, null, null,
                unavailable, null);
    }

    private static Double percentile(Histogram histogram, double p, int count, int minSamples, double max,
            String field, Map<String, String> unavailable) {
        if (count < minSamples) {
            unavailable.put(field, "needs >= " + minSamples + " samples, had " + count);
            return null;
        }
        return at(histogram, p, max);
    }

    private static double at(Histogram histogram, double p, double max) {
        return round(Math.min(histogram.getValueAtPercentile(p) / 1000.0, max));
    }

    static double round(double ms) {
        return Math.round(ms * 100.0) / 100.0;
    }
}
