package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's performance targets checked against a run's stage outputs: one entry per metric with its limit, the
 * measured figure (the worst subject's, where there are several: services, endpoints), whether it is within
 * ({@code actual < limit}; null when the figure was not measured, with the {@code reason}), the subjects over the
 * limit and the seed's "action if exceeded". Budgets are reported; they do not change the exit code.
 *
 * <p>The API percentiles are judged on endpoints measured warm only (the profiler's repeated calls after warm-up); an
 * endpoint measured only by the tests' calls (its first, cold call included) is listed in {@code cold}, worst first,
 * with the same percentile or, when it has too few calls for one, its maximum ({@code figure} says which),
 * beside the budget and not judged by it.
 */
final class Budgets {
    static final String SEED_INSERTION = "seed_insertion_s";
    static final String SERVICE_STARTUP = "service_startup_s";
    static final String API_P95 = "api_p95_ms";
    static final String API_P99 = "api_p99_ms";
    static final String TOTAL_PIPELINE = "total_pipeline_s";

    private Budgets() {
    }

    /**
     * @param started when the run started (the request, else its first stage)
     */
    static ArrayNode of(RunSnapshot run, Instant started, BudgetLimits limits) {
        ArrayNode budgets = Json.MAPPER.createArrayNode();
        budgets.add(seedInsertion(run, limits.seedInsertionS()));
        budgets.add(serviceStartup(run, limits.serviceStartupS()));
        budgets.add(endpointPercentile(run, API_P95, "p95_ms", limits.apiP95Ms(), "Query optimization, indexes"));
        budgets.add(endpointPercentile(run, API_P99, "p99_ms", limits.apiP99Ms(), "Connection pooling, caching"));
        budgets.add(totalPipeline(run, started, limits.totalPipelineS()));
        return budgets;
    }

    private static ObjectNode seedInsertion(RunSnapshot run, double limit) {
        ObjectNode entry = entry(SEED_INSERTION, limit, "s", "Batch INSERT optimization", false);
        Optional<String> notOk = notOk(run, Stage.SEED_DATA);
        if (notOk.isPresent()) {
            return notMeasured(entry, notOk.get());
        }
        JsonNode seedS = output(run, Stage.SEED_DATA).path("seed_s");
        if (!seedS.isNumber()) {
            return notMeasured(entry, "seed_data reported no seed_s");
        }
        return measured(entry, seedS.asDouble(), "seed_data", limit);
    }

    private static ObjectNode serviceStartup(RunSnapshot run, double limit) {
        ObjectNode entry = entry(SERVICE_STARTUP, limit, "s", "Reduce import time, lazy loading", true);
        Optional<String> notOk = notOk(run, Stage.SERVICE_DEPLOY);
        if (notOk.isPresent()) {
            return notMeasured(entry, notOk.get());
        }
        Map<String, Double> readyS = numbers(output(run, Stage.SERVICE_DEPLOY).path("services"), "ready_s");
        if (readyS.isEmpty()) {
            return notMeasured(entry, "service_deploy reported no start-up times");
        }
        return worst(entry, readyS, limit);
    }

    private static ObjectNode endpointPercentile(RunSnapshot run, String metric, String field, double limit,
            String action) {
        ObjectNode entry = entry(metric, limit, "ms", action, true);
        Optional<String> notOk = notOk(run, Stage.PROFILING);
        if (notOk.isPresent()) {
            return notMeasured(entry, notOk.get());
        }
        JsonNode endpoints = output(run, Stage.PROFILING).path("endpoints");
        if (endpoints.isEmpty()) {
            return notMeasured(entry, "no endpoint was profiled");
        }
        Map<String, Double> warm = new LinkedHashMap<>();
        numbers(endpoints, field).forEach((endpoint, value) -> {
            if (endpoints.path(endpoint).path("warm").asBoolean(false)) {
                warm.put(endpoint, value);
            }
        });
        // a cold endpoint rarely has enough calls for the percentile; then its maximum is the honest figure
        Map<String, Double> cold = new LinkedHashMap<>();
        Map<String, String> coldFigure = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("warm").asBoolean(false)) {
                continue;
            }
            String figure = e.getValue().path(field).isNumber() ? field : "max_ms";
            if (e.getValue().path(figure).isNumber()) {
                cold.put(e.getKey(), e.getValue().path(figure).asDouble());
                coldFigure.put(e.getKey(), figure);
            }
        }
        if (!cold.isEmpty()) {
            ArrayNode list = entry.putArray("cold");
            for (Map.Entry<String, Double> e : worstFirst(cold)) {
                list.addObject().put("subject", e.getKey()).put("actual", round(e.getValue()))
                        .put("figure", coldFigure.get(e.getKey()));
            }
        }
        if (warm.isEmpty()) {
            return notMeasured(entry, "no endpoint measured warm has a " + field + " (cold figures are listed, "
                    + "not judged)");
        }
        return worst(entry, warm, limit);
    }

    private static ObjectNode totalPipeline(RunSnapshot run, Instant started, double limit) {
        ObjectNode entry = entry(TOTAL_PIPELINE, limit, "s", "Parallelize stages", false);
        StageRecord teardown = run.stages().get(Stage.TEARDOWN);
        Instant end = teardown == null ? null
                : teardown.completed() != null ? teardown.completed().completedAt()
                : teardown.timedOut() != null ? teardown.timedOut().detectedAt() : null;
        if (end == null || started == null) {
            return notMeasured(entry, "the run has not finished (teardown not done)");
        }
        return measured(entry, Math.max(0, Duration.between(started, end).toMillis() / 1000.0), null, limit);
    }

    private static ObjectNode entry(String metric, double limit, String unit, String action, boolean subjects) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("metric", metric);
        entry.put("limit", limit);
        entry.put("unit", unit);
        entry.putNull("actual");
        entry.putNull("subject");
        entry.putNull("within");
        if (subjects) {
            entry.putArray("exceeded_by");
        }
        entry.put("action", action);
        return entry;
    }

    private static ObjectNode measured(ObjectNode entry, double actual, String subject, double limit) {
        entry.put("actual", round(actual));
        entry.put("subject", subject);
        entry.put("within", actual < limit);
        return entry;
    }

    /** The worst subject is the figure; every subject at or over the limit is named, worst first. */
    private static ObjectNode worst(ObjectNode entry, Map<String, Double> values, double limit) {
        List<Map.Entry<String, Double>> sorted = worstFirst(values);
        Map.Entry<String, Double> worst = sorted.get(0);
        measured(entry, worst.getValue(), worst.getKey(), limit);
        ArrayNode exceededBy = entry.withArray("exceeded_by");
        sorted.stream().filter(e -> !(e.getValue() < limit)).forEach(e -> exceededBy.add(e.getKey()));
        return entry;
    }

    private static List<Map.Entry<String, Double>> worstFirst(Map<String, Double> values) {
        return values.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    private static ObjectNode notMeasured(ObjectNode entry, String reason) {
        entry.put("reason", reason);
        return entry;
    }

    /** Why a stage's output cannot be measured: it did not run, did not complete, or did not complete ok. */
    private static Optional<String> notOk(RunSnapshot run, Stage stage) {
        StageRecord record = run.stages().get(stage);
        if (record == null) {
            return Optional.of(stage.id() + " did not run");
        }
        if (record.completed() == null) {
            return Optional.of(stage.id() + (record.timedOut() != null ? " timed out" : " did not complete"));
        }
        StageStatus status = record.completed().status();
        return status == StageStatus.OK ? Optional.empty() : Optional.of(stage.id() + " " + status.id());
    }

    private static JsonNode output(RunSnapshot run, Stage stage) {
        JsonNode output = run.stages().get(stage).completed().output();
        return output == null ? Json.MAPPER.createObjectNode() : output;
    }

    /** {@code field} of every member of {@code object} that has it as a non-negative number, by member name. */
    private static Map<String, Double> numbers(JsonNode object, String field) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue().path(field);
            if (v.isNumber() && v.asDouble() >= 0 && Double.isFinite(v.asDouble())) {
                values.put(e.getKey(), v.asDouble());
            }
        }
        return values;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
