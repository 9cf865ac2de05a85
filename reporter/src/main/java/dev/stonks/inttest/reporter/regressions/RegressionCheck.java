package dev.stonks.inttest.reporter.regressions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares a run's figures with the median of its baseline runs' figures: each endpoint measured warm (its p95) and
 * each stage that completed ok (its duration). A figure regressed when it is worse than the median by more than
 * {@code min_ratio} and by more than {@code min_delta_ms}, and by more than the baseline's own run-to-run noise
 * ({@code noise_mads} times the median absolute deviation of its figures, scaled by 1.4826 to estimate a standard
 * deviation): on a busy 2-core machine a p95 of a few milliseconds varies by more than 5 ms between like runs. An
 * endpoint's p95 regression also needs its p50 worse by both thresholds ({@link #medianMovedToo}). Endpoints measured only cold (the tests' calls) are not
 * compared, here or in the baseline; a subject with fewer than {@code min_runs} figures in the baseline is not
 * compared either (a median of one or two runs is noise).
 */
public final class RegressionCheck {

    private RegressionCheck() {
    }

    /**
     * @param endpoints the run's {@code profiling.endpoints}
     * @param stages    the run's {@code stages}
     * @return the regressions, worst ratio first
     */
    public static List<Regression> compare(JsonNode endpoints, JsonNode stages, List<BaselineRun> baseline,
            RegressionSettings settings) {
        List<Regression> found = new ArrayList<>();
        warmP95(endpoints).forEach((endpoint, actual) -> judge(Regression.ENDPOINT, endpoint, "p95_ms", "ms", actual,
                figures(baseline, b -> b.endpointP95Ms().get(endpoint)), 1.0, settings)
                .filter(r -> medianMovedToo(endpoints.path(endpoint).path("p50_ms"),
                        figures(baseline, b -> b.endpointP50Ms().get(endpoint)), settings))
                .ifPresent(found::add));
        okDurations(stages).forEach((stage, actual) -> judge(Regression.STAGE, stage, "duration_s", "s", actual,
                figures(baseline, b -> b.stageSeconds().get(stage)), 1000.0, settings).ifPresent(found::add));
        found.sort(Comparator.comparingDouble(Regression::ratio).reversed()
                .thenComparing(Regression::kind).thenComparing(Regression::subject));
        return found;
    }

    /**
     * Whether the endpoint's p50 is worse than its baseline by both thresholds as well. A change of the code moves the
     * whole distribution; a burst of load on a shared 2-core machine (a GC pause, a neighbour's build) moves only the
     * tail: measured here, like runs moved single endpoints' p95 by 5-10 ms while their p50 stayed within 2 ms. Without
     * p50 figures (older results) the p95 stands alone.
     */
    static boolean medianMovedToo(JsonNode actualP50, List<Double> baselineP50, RegressionSettings settings) {
        if (!actualP50.isNumber() || baselineP50.size() < settings.minRuns()) {
            return true;
        }
        double baseline = median(baselineP50);
        double actual = actualP50.asDouble();
        return actual > baseline * (1 + settings.minRatio()) && actual - baseline > settings.minDeltaMs();
    }

    /** The MAD times this estimates the standard deviation of normally distributed figures. */
    static final double MAD_TO_SIGMA = 1.4826;

    /** The median of the figures' distances from their median. */
    static double medianAbsoluteDeviation(List<Double> values, double median) {
        return median(values.stream().map(v -> Math.abs(v - median)).toList());
    }

    /** The median: the middle figure, or the mean of the two middle ones. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no figures");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Endpoints with {@code warm: true} and a p95. */
    static Map<String, Double> warmP95(JsonNode endpoints) {
        Map<String, Double> warm = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p95 = e.getValue().path("p95_ms");
            if (e.getValue().path("warm").asBoolean(false) && p95.isNumber()) {
                warm.put(e.getKey(), p95.asDouble());
            }
        }
        return warm;
    }

    /** Stages with status ok and a duration. */
    static Map<String, Double> okDurations(JsonNode stages) {
        Map<String, Double> ok = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stages.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode duration = e.getValue().path("duration_s");
            if ("ok".equals(e.getValue().path("status").asText()) && duration.isNumber()) {
                ok.put(e.getKey(), duration.asDouble());
            }
        }
        return ok;
    }

    private static List<Double> figures(List<BaselineRun> baseline, Function<BaselineRun, Double> figure) {
        return baseline.stream().map(figure).filter(v -> v != null && Double.isFinite(v)).toList();
    }

    /** {@code toMs}: how many milliseconds one unit of the figure is. */
    private static Optional<Regression> judge(String kind, String subject, String metric, String unit,
            double actual, List<Double> before, double toMs, RegressionSettings settings) {
        if (before.size() < settings.minRuns()) {
            return Optional.empty();
        }
        double baseline = median(before);
        double deltaMs = (actual - baseline) * toMs;
        double noiseMs = settings.noiseMads() * MAD_TO_SIGMA * medianAbsoluteDeviation(before, baseline) * toMs;
        boolean regressed = baseline > 0 && actual > baseline * (1 + settings.minRatio())
                && deltaMs > settings.minDeltaMs() && deltaMs > noiseMs;
        if (!regressed) {
            return Optional.empty();
        }
        int digits = "ms".equals(unit) ? 2 : 3;
        return Optional.of(new Regression(kind, subject, metric, unit, round(actual, digits),
                round(baseline, digits), round(actual / baseline, 3), round(deltaMs, 2)));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
