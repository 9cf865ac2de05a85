package dev.stonks.inttest.reporter.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.reporter.regressions.BaselineRun;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/** The query side of the history: what the reporter's API answers, from PostgreSQL, on any replica. */
@ApplicationScoped
public class HistoryReads {
    private final Mutiny.SessionFactory sessions;

    public HistoryReads(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** {@code {"items": [RunSummary...], "page", "size", "total"}}, newest first. */
    public Uni<ObjectNode> page(RunQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.status() != null) {
            where.append(" and r.status = :status");
            params.put("status", q.status());
        }
        if (q.imageTag() != null) {
            where.append(" and r.imageTag = :tag");
            params.put("tag", q.imageTag());
        }
        if (q.branch() != null) {
            where.append(" and r.branch = :branch");
            params.put("branch", q.branch());
        }
        return sessions.withSession(s -> {
            Mutiny.SelectionQuery<RunRecord> items = s.createSelectionQuery("from RunRecord r" + where
                    + " order by r.requestedAt desc, r.runId desc", RunRecord.class);
            Mutiny.SelectionQuery<Long> count = s.createSelectionQuery("select count(r) from RunRecord r" + where,
                    Long.class);
            params.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            return items.setFirstResult(q.page() * q.size()).setMaxResults(q.size()).getResultList()
                    .chain(runs -> regressionCounts(s, runs).chain(regressions -> count.getSingleResult().map(total -> {
                        ObjectNode body = Json.MAPPER.createObjectNode();
                        ArrayNode list = body.putArray("items");
                        runs.forEach(r -> list.add(summary(r, regressions.getOrDefault(r.runId, 0L))));
                        body.put("page", q.page());
                        body.put("size", q.size());
                        body.put("total", total);
                        return body;
                    })));
        });
    }

    /** How many regressions each of these runs has (runs without any are absent). */
    private static Uni<Map<String, Long>> regressionCounts(Mutiny.Session s, List<RunRecord> runs) {
        List<String> ids = runs.stream().map(r -> r.runId).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return s.createNativeQuery("select run_id, count(*) from regressions where run_id in (:ids) group by run_id",
                Object[].class).setParameter("ids", ids).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0],
                        row -> ((Number) row[1]).longValue())));
    }

    /**
     * A finished run's results document; for a run in flight a partial one ({@code status: running}, its stages so
     * far, the rest pending); empty when the run is unknown.
     */
    public Uni<Optional<ObjectNode>> run(String runId) {
        return sessions.withSession(s -> s.find(RunRecord.class, runId).chain(run -> {
            if (run == null) {
                return Uni.createFrom().item(Optional.<ObjectNode>empty());
            }
            // a replayed run is at work again: its stages so far, not the results of its previous attempt
            return results(s, runId).chain(results -> results.isPresent() && !RunStatus.RUNNING.equals(run.status)
                    ? Uni.createFrom().item(results)
                    : attempts(s, List.of(runId)).map(attempts -> Optional.of(partial(run, attempts))));
        }));
    }

    /** The results of the latest finished run of an image tag. */
    public Uni<Optional<ObjectNode>> latest(String imageTag) {
        return sessions.withSession(s -> s.createNativeQuery("select cast(results as text) from runs "
                + "where image_tag = :tag and results is not null order by completed_at desc limit 1", String.class)
                .setParameter("tag", imageTag).getResultList()
                .map(rows -> rows.isEmpty() ? Optional.<ObjectNode>empty() : Optional.of(parse(rows.get(0)))));
    }

    /** The run's row and its stage attempts in the order they began, for its event stream; empty when unknown. */
    public Uni<Optional<RunTimeline>> timeline(String runId) {
        return sessions.withSession(s -> s.find(RunRecord.class, runId).chain(run -> run == null
                ? Uni.createFrom().item(Optional.<RunTimeline>empty())
                : attempts(s, List.of(runId)).map(a -> Optional.of(new RunTimeline(run, a)))));
    }

    /** Which of these runs already have their verdict in the history. */
    public Uni<Set<String>> withVerdict(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return sessions.withSession(s -> s.createSelectionQuery("select r.runId from RunRecord r "
                + "where r.runId in :ids and r.exitCode is not null", String.class).setParameter("ids", runIds)
                .getResultList().map(Set::copyOf));
    }

    /**
     * {@code {"runs": [{run_id, completed_at, duration_s, exit_code, stages: {stage: s}, p95_ms: {endpoint: ms}}]}}:
     * the latest {@code limit} finished runs (of a tag, of a branch), oldest first.
     */
    public Uni<ObjectNode> trends(String imageTag, String branch, int limit) {
        StringBuilder where = new StringBuilder(" where r.exitCode is not null");
        Map<String, Object> params = new HashMap<>();
        if (imageTag != null) {
            where.append(" and r.imageTag = :tag");
            params.put("tag", imageTag);
        }
        if (branch != null) {
            where.append(" and r.branch = :branch");
            params.put("branch", branch);
        }
        return sessions.withSession(s -> {
            Mutiny.SelectionQuery<RunRecord> q = s.createSelectionQuery("from RunRecord r" + where
                    + " order by r.completedAt desc, r.runId desc", RunRecord.class);
            params.forEach(q::setParameter);
            return q.setMaxResults(limit).getResultList().chain(newestFirst -> {
                List<RunRecord> runs = new ArrayList<>(newestFirst);
                java.util.Collections.reverse(runs);
                List<String> ids = runs.stream().map(r -> r.runId).toList();
                if (ids.isEmpty()) {
                    return Uni.createFrom().item(trendsBody(runs, Map.of(), Map.of()));
                }
                return attempts(s, ids).chain(attempts -> s.createNativeQuery("select run_id, endpoint, p95_ms "
                        + "from endpoint_stats where run_id in (:ids) order by endpoint", Object[].class)
                        .setParameter("ids", ids).getResultList()
                        .map(p95 -> trendsBody(runs, attempts.stream().collect(Collectors.groupingBy(a -> a.runId)),
                                p95.stream().collect(Collectors.groupingBy(row -> (String) row[0])))));
            });
        });
    }

    /**
     * The figures of the newest {@code limit} passing runs of {@code target} with {@code seedFingerprint} completed
     * before {@code before}, other than {@code runId}, newest first: each one's warm endpoints' p95 and p50 and the duration
     * of each stage whose latest attempt completed ok.
     */
    public Uni<List<BaselineRun>> baseline(String target, String seedFingerprint, String runId, Instant before,
            int limit) {
        return sessions.withSession(s -> s.createNativeQuery("select run_id from runs where target = :target "
                + "and seed_fingerprint = :fingerprint and status = 'passed' and run_id <> :run "
                + "and completed_at < :before order by completed_at desc, run_id desc limit :limit", String.class)
                .setParameter("target", target).setParameter("fingerprint", seedFingerprint)
                .setParameter("run", runId).setParameter("before", before).setParameter("limit", limit)
                .getResultList().chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<BaselineRun>of())
                        : attempts(s, ids).chain(attempts -> s.createNativeQuery("select run_id, endpoint, p95_ms, "
                                + "p50_ms from endpoint_stats where run_id in (:ids) and warm and p95_ms is not null",
                                Object[].class).setParameter("ids", ids).getResultList()
                                .map(p95 -> baselineRuns(ids, attempts, p95)))));
    }

    private static List<BaselineRun> baselineRuns(List<String> newestFirst, List<StageAttemptRecord> attempts,
            List<Object[]> p95) {
        Map<String, Map<String, Double>> endpoints = new HashMap<>();
        Map<String, Map<String, Double>> medians = new HashMap<>();
        for (Object[] row : p95) {
            endpoints.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1],
                    ((Number) row[2]).doubleValue());
            if (row[3] instanceof Number p50) {
                medians.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], p50.doubleValue());
            }
        }
        Map<String, Map<String, StageAttemptRecord>> latest = new HashMap<>();
        for (StageAttemptRecord a : attempts) {
            latest.computeIfAbsent(a.runId, k -> new HashMap<>())
                    .merge(a.stage, a, (x, y) -> y.attempt >= x.attempt ? y : x);
        }
        List<BaselineRun> runs = new ArrayList<>();
        for (String id : newestFirst) {
            Map<String, Double> stages = new HashMap<>();
            latest.getOrDefault(id, Map.of()).forEach((stage, a) -> {
                if (StageAttemptRecord.OK.equals(a.status) && a.durationS != null) {
                    stages.put(stage, a.durationS);
                }
            });
            runs.add(new BaselineRun(id, endpoints.getOrDefault(id, Map.of()), medians.getOrDefault(id, Map.of()),
                    stages));
        }
        return runs;
    }

    /** Promotion decisions, newest first, of one run or of all. */
    public Uni<ArrayNode> promotions(String runId, int limit) {
        String where = runId == null ? "" : " where run_id = :run";
        return sessions.withSession(s -> {
            Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery("select run_id, image_tag, stage, decision, "
                    + "reason, promotion_name, cast(break_glass as text), decided_at, backend from promotion_decisions"
                    + where + " order by decided_at desc, stage limit :limit", Object[].class);
            if (runId != null) {
                q.setParameter("run", runId);
            }
            return q.setParameter("limit", limit).getResultList().map(rows -> {
                ArrayNode list = Json.MAPPER.createArrayNode();
                for (Object[] row : rows) {
                    ObjectNode p = list.addObject();
                    p.put("run_id", (String) row[0]);
                    p.put("image_tag", (String) row[1]);
                    p.put("stage", (String) row[2]);
                    p.put("decision", (String) row[3]);
                    p.put("reason", (String) row[4]);
                    p.put("promotion_name", (String) row[5]);
                    p.set("break_glass", row[6] == null ? null : parse((String) row[6]));
                    p.put("decided_at", iso(instant(row[7])));
                    p.put("backend", (String) row[8]);
                    p.put("deployed", !"local".equals(row[8]));
                }
                return list;
            });
        });
    }

    private static Uni<Optional<ObjectNode>> results(Mutiny.Session s, String runId) {
        return s.createNativeQuery("select cast(results as text) from runs where run_id = :run and results is not null",
                String.class).setParameter("run", runId).getResultList()
                .map(rows -> rows.isEmpty() ? Optional.<ObjectNode>empty() : Optional.of(parse(rows.get(0))));
    }

    private static Uni<List<StageAttemptRecord>> attempts(Mutiny.Session s, List<String> runIds) {
        return s.createSelectionQuery("from StageAttemptRecord a where a.runId in :ids "
                + "order by a.runId, coalesce(a.startedAt, a.completedAt), a.attempt", StageAttemptRecord.class)
                .setParameter("ids", runIds).getResultList();
    }

    /** One entry of the runs list, without regressions. */
    static ObjectNode summary(RunRecord r) {
        return summary(r, 0);
    }

    /** One entry of the runs list; {@code regressions} null while the run has no verdict. */
    static ObjectNode summary(RunRecord r, long regressions) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("run_id", r.runId);
        n.put("status", r.status);
        n.put("image_tag", r.imageTag);
        n.put("branch", r.branch);
        n.put("commit", r.commit);
        n.put("requested_at", iso(r.requestedAt));
        n.put("completed_at", iso(r.completedAt));
        n.put("duration_s", r.durationS);
        n.put("exit_code", r.exitCode);
        n.put("stage", r.stage);
        n.put("attempt", r.attempt);
        if (r.testsTotal == null) {
            n.putNull("tests");
        } else {
            ObjectNode tests = n.putObject("tests");
            tests.put("total", r.testsTotal);
            tests.put("passed", r.testsPassed);
            tests.put("failed", r.testsFailed);
            tests.put("skipped", r.testsSkipped);
        }
        n.put("slow_endpoints", r.slowEndpoints);
        if (r.exitCode == null) {
            n.putNull("regressions");
        } else {
            n.put("regressions", regressions);
        }
        n.put("cancelled", r.cancelled);
        n.put("cancelled_by", r.cancelledBy);
        n.put("cancel_reason", r.cancelReason);
        return n;
    }

    /** A run in flight as a partial results document. */
    static ObjectNode partial(RunRecord run, List<StageAttemptRecord> attempts) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("run_id", run.runId);
        n.put("status", run.status);
        n.put("image_tag", run.imageTag);
        n.put("branch", run.branch);
        n.put("commit", run.commit);
        n.put("requested_at", iso(run.requestedAt));
        n.put("stage", run.stage);
        n.put("attempt", run.attempt);
        Map<String, StageAttemptRecord> latest = new LinkedHashMap<>();
        for (StageAttemptRecord a : attempts) {
            latest.merge(a.stage, a, (x, y) -> y.attempt >= x.attempt ? y : x);
        }
        ObjectNode stages = n.putObject("stages");
        for (Stage stage : Stage.values()) {
            StageAttemptRecord a = latest.get(stage.id());
            ObjectNode node = stages.putObject(stage.id());
            if (a == null) {
                node.put("status", "pending");
                node.put("duration_s", 0.0);
                continue;
            }
            node.put("attempt", a.attempt);
            node.put("status", StageAttemptRecord.TIMED_OUT.equals(a.status) ? "failed" : a.status);
            node.put("duration_s", a.durationS == null ? 0.0 : a.durationS);
            node.put("started_at", iso(a.startedAt));
            node.put("completed_at", iso(a.completedAt));
            if (a.errorKind != null || a.errorMessage != null) {
                ObjectNode error = node.putObject("error");
                error.put("kind", a.errorKind);
                error.put("message", a.errorMessage);
            }
        }
        return n;
    }

    private static ObjectNode trendsBody(List<RunRecord> runs, Map<String, List<StageAttemptRecord>> attempts,
            Map<String, List<Object[]>> p95) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("runs");
        for (RunRecord r : runs) {
            ObjectNode n = list.addObject();
            n.put("run_id", r.runId);
            n.put("image_tag", r.imageTag);
            n.put("completed_at", iso(r.completedAt));
            n.put("duration_s", r.durationS);
            n.put("exit_code", r.exitCode);
            ObjectNode stages = n.putObject("stages");
            Map<String, StageAttemptRecord> latest = new LinkedHashMap<>();
            for (StageAttemptRecord a : attempts.getOrDefault(r.runId, List.of())) {
                latest.merge(a.stage, a, (x, y) -> y.attempt >= x.attempt ? y : x);
            }
            for (Stage stage : Stage.values()) {
                StageAttemptRecord a = latest.get(stage.id());
                if (a != null && a.durationS != null) {
                    stages.put(stage.id(), a.durationS);
                }
            }
            ObjectNode endpoints = n.putObject("p95_ms");
            for (Object[] row : p95.getOrDefault(r.runId, List.of())) {
                if (row[2] != null) {
                    endpoints.put((String) row[1], ((Number) row[2]).doubleValue());
                }
            }
        }
        return body;
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable results in the history: " + e.getMessage(), e);
        }
    }

    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    /** A timestamptz as the driver hands it over in a native query. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return Instant.parse(value.toString());
    }

    /** A run and its stage attempts, in the order they began. */
    public record RunTimeline(RunRecord run, List<StageAttemptRecord> attempts) {
    }
}
