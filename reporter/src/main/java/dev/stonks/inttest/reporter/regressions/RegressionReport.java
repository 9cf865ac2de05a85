package dev.stonks.inttest.reporter.regressions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import java.time.Instant;
import java.util.List;

/**
 * A run's {@code profiling.regressions} and {@code profiling.baseline}: the earlier runs it is compared with (or why
 * it is not: no seed fingerprint, too few comparable runs, no history) and what regressed against them. Never fails:
 * a history that cannot be read is a reason in the baseline, not an error of the run.
 */
public final class RegressionReport {

    private RegressionReport() {
    }

    /**
     * @param runId           this run, never part of its own baseline
     * @param target          {@link RunTarget}
     * @param seedFingerprint this run's, null when seed_data did not complete ok
     * @param before          only runs completed before this are compared with
     * @param endpoints       this run's {@code profiling.endpoints}
     * @param stages          this run's {@code stages}
     */
    public static void addTo(ObjectNode profiling, String runId, String target, String seedFingerprint,
            Instant before, JsonNode endpoints, JsonNode stages, Baselines baselines, RegressionSettings settings) {
        ArrayNode regressions = profiling.putArray("regressions");
        ObjectNode baseline = profiling.putObject("baseline");
        baseline.put("target", target);
        baseline.put("seed_fingerprint", seedFingerprint);
        ArrayNode runs = baseline.putArray("runs");
        baseline.put("min_ratio", settings.minRatio());
        baseline.put("min_delta_ms", settings.minDeltaMs());
        baseline.put("noise_mads", settings.noiseMads());
        if (seedFingerprint == null) {
            baseline.put("reason", "no seed fingerprint (seed_data did not complete ok): no comparable runs");
            return;
        }
        List<BaselineRun> earlier;
        try {
            earlier = baselines.find(target, seedFingerprint, runId, before, settings.baselineRuns());
        } catch (RuntimeException e) {
            baseline.put("reason", "history unavailable: " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()));
            return;
        }
        earlier.forEach(r -> runs.add(r.runId()));
        if (earlier.isEmpty()) {
            baseline.put("reason", "no comparable runs: no earlier passing run of " + target
                    + " with this seed fingerprint");
            return;
        }
        if (earlier.size() < settings.minRuns()) {
            baseline.put("reason", "too few comparable runs: " + earlier.size() + " earlier passing run"
                    + (earlier.size() == 1 ? "" : "s") + " of " + target + " with this seed fingerprint, needs "
                    + settings.minRuns());
            return;
        }
        for (Regression r : RegressionCheck.compare(endpoints, stages, earlier, settings)) {
            regressions.add(Json.MAPPER.valueToTree(r));
        }
    }
}
