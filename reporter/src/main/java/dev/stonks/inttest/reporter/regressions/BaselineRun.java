package dev.stonks.inttest.reporter.regressions;

import java.util.Map;

/**
 * The figures of one earlier run that a new run is compared with.
 *
 * @param runId         the run
 * @param endpointP95Ms per endpoint measured warm in that run, its p95 (ms); cold endpoints are not here
 * @param endpointP50Ms the same endpoints' p50 (ms), where known
 * @param stageSeconds  per stage whose latest attempt completed ok, its duration (s)
 */
public record BaselineRun(String runId, Map<String, Double> endpointP95Ms, Map<String, Double> endpointP50Ms,
        Map<String, Double> stageSeconds) {

    public BaselineRun {
        endpointP95Ms = Map.copyOf(endpointP95Ms);
        endpointP50Ms = Map.copyOf(endpointP50Ms);
        stageSeconds = Map.copyOf(stageSeconds);
    }

    /** Without the endpoints' p50s (then a p95 regression needs no corroboration). */
    public BaselineRun(String runId, Map<String, Double> endpointP95Ms, Map<String, Double> stageSeconds) {
        this(runId, endpointP95Ms, Map.of(), stageSeconds);
    }
}
