package dev.stonks.inttest.reporter.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.reporter.regressions.RunTarget;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes the run history through Hibernate Reactive. Every write is an upsert by natural key (run; run + stage +
 * attempt; run + endpoint, ...), so a replay of the log after a restart rewrites rows and never adds any.
 */
@ApplicationScoped
public class HistoryWrites {
    private final Mutiny.SessionFactory sessions;

    public HistoryWrites(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The run's row, when it is requested. */
    public Uni<Void> requested(RunRequested r) {
        return sessions.withTransaction(s -> s.find(RunRecord.class, r.runId()).chain(found -> {
            RunRecord run = found != null ? found : newRun(r.runId(), r.imageTag(), r.requestedAt());
            run.imageTag = r.imageTag();
            run.requestedAt = r.requestedAt();
            run.namespace = r.namespace();
            run.backend = r.backend();
            run.requestedBy = r.requestedBy();
            GitRef git = r.git();
            if (git != null) {
                run.branch = branch(git.ref());
                run.commit = git.sha();
                run.repository = git.repository();
            }
            if (run.commit == null) {
                run.commit = r.imageTag();
            }
            if (run.stage == null) {
                run.stage = Stage.INFRA_DEPLOY.id(); // the stage it waits for
            }
            return found != null ? Uni.createFrom().voidItem() : s.persist(run);
        }));
    }

    /**
     * An attempt as a stage event tells it; the run's row is made from the context if the request was not seen (it
     * may be older than the recovery horizon). A finished attempt is not made running again by a late start.
     */
    public Uni<Void> stage(StageAttempt a, RunContext context, Instant at) {
        return sessions.withTransaction(s -> s.find(RunRecord.class, a.runId()).chain(found -> {
            RunRecord run = found;
            Uni<Void> made = Uni.createFrom().voidItem();
            if (run == null) {
                run = newRun(a.runId(), context.imageTag(), at);
                run.namespace = context.namespace();
                run.backend = context.backend();
                run.commit = context.imageTag();
                made = s.persist(run);
            }
            if (a.attempt() > run.attempt && !RunStatus.RUNNING.equals(run.status)) {
                run.status = RunStatus.RUNNING; // a replayed stage: the run is at work again
            }
            if (RunStatus.RUNNING.equals(run.status) && a.attempt() >= run.attempt) {
                run.stage = a.stage();
                run.attempt = a.attempt();
            }
            return made.chain(() -> mergeAttempt(s, a));
        }));
    }

    /**
     * A replay re-opened the run as {@code attempt} from {@code stage}: it is at work again, so that its document is
     * its stages so far (not the previous attempt's results) and a second replay is refused as in flight.
     */
    public Uni<Void> reopened(String runId, String stage, int attempt) {
        return sessions.withTransaction(s -> s.createNativeQuery("update runs set status = 'running', stage = :stage,"
                + " attempt = :attempt where run_id = :run and attempt < :attempt").setParameter("stage", stage)
                .setParameter("attempt", attempt).setParameter("run", runId).executeUpdate()).replaceWithVoid();
    }

    /** A cancel of a run in flight: who asked and why, shown before the cancelled verdict is in. */
    public Uni<Void> cancelRequested(RunCancelRequested c) {
        return sessions.withTransaction(s -> s.createNativeQuery("update runs set cancelled_by = :by, cancel_reason"
                + " = :reason where run_id = :run and status = 'running'").setParameter("by", c.requestedBy())
                .setParameter("reason", c.reason()).setParameter("run", c.runId()).executeUpdate()).replaceWithVoid();
    }

    /** Everything the verdict's results hold: the run's outcome, its stages, tests, endpoints, budgets, ... */
    public Uni<Void> verdict(ObjectNode results) {
        String runId = results.path("run_id").asText();
        return sessions.withTransaction(s -> s.find(RunRecord.class, runId).chain(found -> {
            Instant requestedAt = instant(results.path("started_at"));
            RunRecord run = found != null ? found : newRun(runId, results.path("image_tag").asText(), requestedAt);
            outcome(run, results);
            List<Supplier<Uni<?>>> steps = new ArrayList<>();
            if (found == null) {
                if (results.path("git").isObject()) {
                    run.branch = branch(text(results.path("git").path("ref")));
                    run.commit = text(results.path("git").path("sha"));
                    run.repository = text(results.path("git").path("repository"));
                }
                run.commit = run.commit == null ? run.imageTag : run.commit;
                steps.add(() -> s.persist(run));
            }
            for (Stage stage : Stage.values()) {
                JsonNode node = results.path("stages").path(stage.id());
                if (node.isObject()) {
                    steps.add(() -> mergeAttempt(s, attemptOf(runId, stage, node)));
                }
            }
            steps.add(s::flush);
            // text first: the reactive driver would write a String bound as jsonb as a JSON string
            steps.add(() -> s.createNativeQuery("update runs set results = cast(cast(:results as text) as jsonb) where run_id = :run")
                    .setParameter("results", results.toString()).setParameter("run", runId).executeUpdate());
            for (String table : List.of("test_failures", "endpoint_stats", "budgets", "service_memory",
                    "sql_statements", "regressions")) {
                steps.add(() -> s.createNativeQuery("delete from " + table + " where run_id = :run")
                        .setParameter("run", runId).executeUpdate());
            }
            details(s, runId, results, steps);
            return sequence(steps);
        }));
    }

    /** A promotion decision; {@code backend} is "kargo" or "local" when the promoter says which. */
    public Uni<Void> promotion(PromotionDecided p, String backend) {
        String breakGlass = p.breakGlass() == null ? null : dev.stonks.inttest.events.Json.tree(p.breakGlass())
                .toString();
        return sessions.withTransaction(s -> s.createNativeQuery("""
                insert into promotion_decisions (run_id, stage, decision, decided_at, image_tag, reason,
                    promotion_name, break_glass, backend)
                values (:run, :stage, :decision, :at, :tag, :reason, :name, cast(cast(:glass as text) as jsonb), :backend)
                on conflict (run_id, stage, decision, decided_at) do update set reason = excluded.reason,
                    promotion_name = excluded.promotion_name, break_glass = excluded.break_glass,
                    backend = excluded.backend""")
                .setParameter("run", p.runId()).setParameter("stage", p.stage())
                .setParameter("decision", p.decision()).setParameter("at", p.decidedAt())
                .setParameter("tag", p.imageTag()).setParameter("reason", p.reason())
                .setParameter("name", p.promotionName()).setParameter("glass", breakGlass)
                .setParameter("backend", backend).executeUpdate().replaceWithVoid());
    }

    private static RunRecord newRun(String runId, String imageTag, Instant requestedAt) {
        RunRecord run = new RunRecord();
        run.runId = runId;
        run.status = RunStatus.RUNNING;
        run.imageTag = imageTag;
        run.requestedAt = requestedAt;
        return run;
    }

    private static void outcome(RunRecord run, ObjectNode results) {
        int exitCode = results.path("exit_code").asInt(2);
        boolean cancelled = results.path("cancelled").isObject();
        Instant started = instant(results.path("started_at"));
        // the teardown's own end is more precise than the results' (whole seconds)
        Instant teardownEnd = instant(results.path("stages").path(Stage.TEARDOWN.id()).path("completed_at"));
        Instant completed = teardownEnd != null ? teardownEnd : instant(results.path("completed_at"));
        run.status = RunStatus.of(exitCode, cancelled);
        run.exitCode = exitCode;
        run.cancelled = cancelled;
        if (cancelled) {
            run.cancelledBy = text(results.path("cancelled").path("by"));
            run.cancelReason = text(results.path("cancelled").path("reason"));
        }
        run.completedAt = completed;
        if (run.requestedAt == null) {
            run.requestedAt = started;
        }
        Instant from = run.requestedAt != null ? run.requestedAt : started;
        if (from != null && completed != null) {
            run.durationS = Math.max(0, Duration.between(from, completed).toMillis()) / 1000.0;
        }
        run.stage = Stage.TEARDOWN.id();
        run.attempt = Math.max(run.attempt, highestAttempt(results));
        JsonNode tests = results.path("tests");
        run.testsTotal = tests.path("total").asInt(0);
        run.testsPassed = tests.path("passed").asInt(0);
        run.testsFailed = tests.path("failed").asInt(0);
        run.testsErrors = tests.path("errors").asInt(0);
        run.testsSkipped = tests.path("skipped").asInt(0);
        run.slowEndpoints = results.path("profiling").path("slow_endpoints").size();
        if (results.hasNonNull("namespace")) {
            run.namespace = results.get("namespace").asText();
            run.backend = text(results.path("backend"));
        }
        String repository = text(results.path("git").path("repository"));
        run.target = RunTarget.of(repository != null ? repository : run.repository, run.backend);
        run.seedFingerprint = text(results.path("seed_fingerprint"));
    }

    /** The rows of test_failures, endpoint_stats, budgets, service_memory, sql_statements and regressions. */
    private static void details(Mutiny.Session s, String runId, ObjectNode results, List<Supplier<Uni<?>>> steps) {
        int position = 0;
        for (JsonNode f : results.path("failures")) {
            int at = position++;
            steps.add(() -> s.createNativeQuery("insert into test_failures (run_id, position, test, kind, message) "
                    + "values (:run, :pos, :test, :kind, :message)").setParameter("run", runId)
                    .setParameter("pos", at).setParameter("test", f.path("test").asText("?"))
                    .setParameter("kind", text(f.path("kind"))).setParameter("message", text(f.path("message")))
                    .executeUpdate());
        }
        JsonNode profiling = results.path("profiling");
        List<String> slow = new ArrayList<>();
        profiling.path("slow_endpoints").forEach(e -> slow.add(e.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = profiling.path("endpoints").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            steps.add(() -> s.createNativeQuery("insert into endpoint_stats (run_id, endpoint, p50_ms, p95_ms, "
                    + "p99_ms, max_ms, samples, source, slow, warm, first_call_ms) values (:run, :endpoint, :p50, "
                    + ":p95, :p99, :max, :count, :source, :slow, :warm, :first)").setParameter("run", runId)
                    .setParameter("endpoint", e.getKey())
                    .setParameter("warm", p.path("warm").asBoolean(false))
                    .setParameter("first", number(p.path("first_call_ms")))
                    .setParameter("p50", number(p.path("p50_ms"))).setParameter("p95", number(p.path("p95_ms")))
                    .setParameter("p99", number(p.path("p99_ms"))).setParameter("max", number(p.path("max_ms")))
                    .setParameter("count", p.path("count").isNumber() ? p.get("count").asInt() : null)
                    .setParameter("source", text(p.path("source"))).setParameter("slow", slow.contains(e.getKey()))
                    .executeUpdate());
        }
        for (JsonNode b : results.path("budgets")) {
            steps.add(() -> s.createNativeQuery("insert into budgets (run_id, metric, limit_value, unit, actual, "
                    + "subject, within, reason) values (:run, :metric, :limit, :unit, :actual, :subject, :within, "
                    + ":reason) on conflict (run_id, metric) do nothing").setParameter("run", runId)
                    .setParameter("metric", b.path("metric").asText("?")).setParameter("limit", number(b.path("limit")))
                    .setParameter("unit", text(b.path("unit"))).setParameter("actual", number(b.path("actual")))
                    .setParameter("subject", text(b.path("subject")))
                    .setParameter("within", b.path("within").isBoolean() ? b.get("within").asBoolean() : null)
                    .setParameter("reason", text(b.path("reason"))).executeUpdate());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = profiling.path("memory").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            steps.add(() -> s.createNativeQuery("insert into service_memory (run_id, service, rss_mb, peak_rss_mb, "
                    + "source) values (:run, :service, :rss, :peak, :source)").setParameter("run", runId)
                    .setParameter("service", e.getKey()).setParameter("rss", number(m.path("rss_mb")))
                    .setParameter("peak", number(m.path("peak_rss_mb"))).setParameter("source", text(m.path("source")))
                    .executeUpdate());
        }
        for (JsonNode r : profiling.path("regressions")) {
            steps.add(() -> s.createNativeQuery("insert into regressions (run_id, kind, subject, metric, actual, "
                    + "baseline, ratio) values (:run, :kind, :subject, :metric, :actual, :baseline, :ratio) "
                    + "on conflict (run_id, kind, subject) do nothing").setParameter("run", runId)
                    .setParameter("kind", r.path("kind").asText()).setParameter("subject", r.path("subject").asText())
                    .setParameter("metric", r.path("metric").asText()).setParameter("actual", number(r.path("actual")))
                    .setParameter("baseline", number(r.path("baseline")))
                    .setParameter("ratio", number(r.path("ratio"))).executeUpdate());
        }
        int statement = 0;
        for (JsonNode q : profiling.path("sql").path("statements")) {
            int at = statement++;
            steps.add(() -> s.createNativeQuery("insert into sql_statements (run_id, position, query, calls, mean_ms, "
                    + "max_ms, total_ms, row_count, slow) values (:run, :pos, :query, :calls, :mean, :max, :total, "
                    + ":rows, :slow)").setParameter("run", runId).setParameter("pos", at)
                    .setParameter("query", q.path("query").asText("")).setParameter("calls", q.path("calls").asLong())
                    .setParameter("mean", number(q.path("mean_ms"))).setParameter("max", number(q.path("max_ms")))
                    .setParameter("total", number(q.path("total_ms"))).setParameter("rows", q.path("rows").asLong())
                    .setParameter("slow", q.path("slow").asBoolean(false)).executeUpdate());
        }
    }

    private static Uni<Void> mergeAttempt(Mutiny.Session s, StageAttempt a) {
        return s.find(StageAttemptRecord.class, new StageAttemptRecord.Key(a.runId(), a.stage(), a.attempt()))
                .chain(found -> {
                    StageAttemptRecord row = found != null ? found : new StageAttemptRecord();
                    if (found != null && a.running() && !StageAttemptRecord.RUNNING.equals(found.status)) {
                        return Uni.createFrom().voidItem();
                    }
                    row.runId = a.runId();
                    row.stage = a.stage();
                    row.attempt = a.attempt();
                    row.status = a.status();
                    row.startedAt = a.startedAt() != null ? a.startedAt() : row.startedAt;
                    row.completedAt = a.completedAt() != null ? a.completedAt() : row.completedAt;
                    if (a.durationS() != null) {
                        row.durationS = a.durationS();
                    } else if (row.startedAt != null && row.completedAt != null) {
                        row.durationS = Duration.between(row.startedAt, row.completedAt).toMillis() / 1000.0;
                    }
                    row.errorKind = a.errorKind() != null ? a.errorKind() : row.errorKind;
                    row.errorMessage = a.errorMessage() != null ? a.errorMessage() : row.errorMessage;
                    return found != null ? Uni.createFrom().voidItem() : s.persist(row);
                });
    }

    /** A stage of the results: its latest attempt, or (not reached) a skipped attempt 1. */
    private static StageAttempt attemptOf(String runId, Stage stage, JsonNode node) {
        String status = node.path("status").asText("skipped");
        JsonNode error = node.path("error");
        String kind = text(error.path("kind"));
        if ("timed_out".equals(kind)) {
            status = StageAttemptRecord.TIMED_OUT;
        }
        return new StageAttempt(runId, stage.id(), node.path("attempt").asInt(1), status,
                instant(node.path("started_at")), instant(node.path("completed_at")), number(node.path("duration_s")),
                kind, error.isObject() ? text(error.path("message")) : text(node.path("reason")));
    }

    static int highestAttempt(JsonNode results) {
        int attempt = 1;
        for (JsonNode stage : results.path("stages")) {
            attempt = Math.max(attempt, stage.path("attempt").asInt(1));
        }
        return attempt;
    }

    /** {@code refs/heads/main} -> {@code main}; another ref as it is. */
    static String branch(String ref) {
        if (ref == null) {
            return null;
        }
        return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }

    private static Uni<Void> sequence(List<Supplier<Uni<?>>> steps) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> step : steps) {
            chain = chain.chain(() -> step.get().replaceWithVoid());
        }
        return chain;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    static Instant instant(JsonNode node) {
        String text = text(node);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
