package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.reporter.regressions.Baselines;
import dev.stonks.inttest.reporter.regressions.RegressionReport;
import dev.stonks.inttest.reporter.regressions.RegressionSettings;
import dev.stonks.inttest.reporter.regressions.RunTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Builds {@code inttest-results.json}: exactly the seed's contract (run_id, image_tag, started_at, completed_at,
 * exit_code, stages, tests, profiling) plus additive fields (namespace, backend, git, the profiling stage,
 * attempts, errors, failures with messages, seed row counts, infra and service start-up times, the profiler's test
 * calls, memory, slow SQL and what it could not measure, the seed's budgets, the seed fingerprint, and the
 * regressions against earlier runs of the same target and seed fingerprint). The JSON Schema is
 * {@code infra/inttest/inttest-results.schema.json}.
 */
final class ResultsAssembler {

    private ResultsAssembler() {
    }

    /** With the seed's budget limits, and no history to compare with. */
    static ObjectNode assemble(RunSnapshot run, Instant now) {
        return assemble(run, now, BudgetLimits.SEED);
    }

    /** No history to compare with: the baseline says so, and nothing is a regression. */
    static ObjectNode assemble(RunSnapshot run, Instant now, BudgetLimits limits) {
        return assemble(run, now, limits, Baselines.NONE, RegressionSettings.DEFAULT);
    }

    /**
     * @param baselines the earlier runs to compare with (read before this run's verdict is written, so it is never
     *                  its own baseline)
     */
    static ObjectNode assemble(RunSnapshot run, Instant now, BudgetLimits limits, Baselines baselines,
            RegressionSettings regressions) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run_id", run.runId());
        root.put("image_tag", run.context() == null ? null : run.context().imageTag());
        Instant started = startedAt(run);
        root.put("started_at", started.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("completed_at", completedAt(run, now).truncatedTo(ChronoUnit.SECONDS).toString());

        JsonNode tests = output(run, Stage.INTEGRATION_TESTS);
        int failed = tests.path("failed").asInt(0);
        int errors = tests.path("errors").asInt(0);
        root.put("exit_code", ExitCode.of(run.stages(), failed, errors, run.cancel() != null));
        root.put("attempt", run.attempt());
        if (run.cancel() != null) {
            ObjectNode cancelled = root.putObject("cancelled");
            cancelled.put("by", run.cancel().requestedBy());
            cancelled.put("reason", run.cancel().reason());
            cancelled.put("at", run.cancel().requestedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        }

        ObjectNode stages = root.putObject("stages");
        for (Stage stage : Stage.values()) {
            ObjectNode node = stage(run.stages().get(stage), run.cancel() != null);
            java.util.List<StageRecord> all = run.attempts().getOrDefault(stage, java.util.List.of());
            if (!all.isEmpty()) {
                ArrayNode list = node.putArray("attempts");
                for (StageRecord attempt : all) {
                    ObjectNode a = stage(attempt, false);
                    a.remove("reason");
                    list.add(a);
                }
            }
            stages.set(stage.id(), node);
        }

        ObjectNode testCounts = root.putObject("tests");
        testCounts.put("total", tests.path("total").asInt(0));
        testCounts.put("passed", tests.path("passed").asInt(0));
        testCounts.put("failed", failed);
        testCounts.put("errors", errors);
        testCounts.put("skipped", tests.path("skipped").asInt(0));
        root.set("failures", tests.path("failures").isArray() ? tests.get("failures") : Json.MAPPER.createArrayNode());
        if (tests.hasNonNull("report_path")) {
            root.put("junit_report", tests.get("report_path").asText());
        }

        JsonNode profiling = output(run, Stage.PROFILING);
        ObjectNode prof = root.putObject("profiling");
        prof.set("endpoints", profiling.path("endpoints").isObject() ? profiling.get("endpoints")
                : Json.MAPPER.createObjectNode());
        prof.set("slow_endpoints", profiling.path("slow_endpoints").isArray() ? profiling.get("slow_endpoints")
                : Json.MAPPER.createArrayNode());
        if (profiling.has("slow_threshold_ms")) {
            prof.set("slow_threshold_ms", profiling.get("slow_threshold_ms"));
        }
        // the profiler's further measurements, passed through as it wrote them, only when it wrote them
        for (String field : new String[] {"test_calls", "memory", "unavailable", "probes"}) {
            if (profiling.path(field).isObject() && !profiling.get(field).isEmpty()) {
                prof.set(field, profiling.get(field));
            }
        }
        if (profiling.path("sql").isObject()) {
            prof.set("sql", profiling.get("sql"));
        }
        if (profiling.path("n_plus_one").isArray()) {
            prof.set("n_plus_one", profiling.get("n_plus_one"));
        }
        if (profiling.path("n_plus_one_threshold").isNumber()) {
            prof.set("n_plus_one_threshold", profiling.get("n_plus_one_threshold"));
        }
        String seedFingerprint = seedFingerprint(run);
        RegressionReport.addTo(prof, run.runId(), target(run), seedFingerprint, completedAt(run, now),
                prof.path("endpoints"), stages, baselines, regressions);
        root.set("budgets", Budgets.of(run, started, limits));
        root.put("seed_fingerprint", seedFingerprint);

        if (run.context() != null) {
            root.put("namespace", run.context().namespace());
            root.put("backend", run.context().backend());
            root.put("scale", run.context().scale());
        }
        if (run.request() != null && run.request().git() != null) {
            root.set("git", Json.tree(run.request().git()));
        }
        JsonNode seed = output(run, Stage.SEED_DATA);
        if (!seed.isEmpty()) {
            root.set("seed", seed);
        }
        JsonNode infra = output(run, Stage.INFRA_DEPLOY).path("components");
        if (infra.isObject()) {
            root.set("infra", infra);
        }
        JsonNode services = output(run, Stage.SERVICE_DEPLOY).path("services");
        if (services.isObject()) {
            root.set("services", services);
        }
        return root;
    }

    /** The seed output's fingerprint; null when seed_data did not complete ok (or wrote none). */
    private static String seedFingerprint(RunSnapshot run) {
        StageRecord seed = run.stages().get(Stage.SEED_DATA);
        if (seed == null || seed.completed() == null || seed.completed().status() != StageStatus.OK) {
            return null;
        }
        JsonNode fingerprint = output(run, Stage.SEED_DATA).path("fingerprint");
        return fingerprint.isTextual() ? fingerprint.asText() : null;
    }

    /** {@code <git repository or 'local'>@<backend>}. */
    static String target(RunSnapshot run) {
        String repository = run.request() == null || run.request().git() == null ? null
                : run.request().git().repository();
        String backend = run.context() != null ? run.context().backend()
                : run.request() != null ? run.request().backend() : null;
        return RunTarget.of(repository, backend);
    }

    private static ObjectNode stage(StageRecord record, boolean cancelled) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (record == null) {
            node.put("duration_s", 0.0);
            node.put("status", StageStatus.SKIPPED.id());
            node.put("reason", cancelled ? "not reached: the run was cancelled" : "not reached");
            return node;
        }
        node.put("attempt", record.attempt());
        if (record.completed() != null) {
            StageCompleted c = record.completed();
            node.put("duration_s", round(c.durationS()));
            node.put("status", c.status().id());
            node.put("started_at", c.startedAt().toString());
            node.put("completed_at", c.completedAt().toString());
            if (c.error() != null) {
                node.set("error", Json.tree(c.error()));
            }
        } else if (record.timedOut() == null) {
            node.put("duration_s", 0.0);
            node.put("status", StageStatus.FAILED.id());
            ObjectNode error = node.putObject("error");
            error.put("kind", "incomplete");
            error.put("message", "started at " + record.started().startedAt() + " but never completed");
        } else {
            Instant from = record.started() != null ? record.started().startedAt() : record.timedOut().detectedAt();
            node.put("duration_s", round(Duration.between(from, record.timedOut().detectedAt()).toMillis() / 1000.0));
            node.put("status", StageStatus.FAILED.id());
            ObjectNode error = node.putObject("error");
            error.put("kind", StageError.TIMED_OUT);
            error.put("message", record.timedOut().reason());
        }
        return node;
    }

    private static JsonNode output(RunSnapshot run, Stage stage) {
        StageRecord record = run.stages().get(stage);
        return record == null || record.completed() == null ? Json.MAPPER.createObjectNode()
                : record.completed().output();
    }

    private static Instant startedAt(RunSnapshot run) {
        if (run.request() != null) {
            return run.request().requestedAt();
        }
        return run.stages().values().stream().filter(r -> r.started() != null).map(r -> r.started().startedAt())
                .min(Instant::compareTo).orElse(run.firstSeen());
    }

    private static Instant completedAt(RunSnapshot run, Instant now) {
        StageRecord teardown = run.stages().get(Stage.TEARDOWN);
        if (teardown != null && teardown.completed() != null) {
            return teardown.completed().completedAt();
        }
        return now;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }
}
