package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageChain;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageHeartbeat;
import dev.stonks.inttest.events.StageStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One run as the event stream tells it: the request, the latest attempt of each stage, a cancel, and the stage the
 * run waits for with its last sign of life (the watchdog's view). Times are the events' own (their Kafka
 * timestamps), so a run rebuilt from the log after a restart is judged as it was. Events of an older attempt than
 * the one recorded are ignored; repeated events of the same (stage, attempt) are de-duplicated.
 */
final class RunState {
    private final String runId;
    private final WatchdogLimits limits;
    private final Map<Stage, StageRecord> stages = new EnumMap<>(Stage.class);
    /** Every attempt of each stage (the latest is also in {@code stages}). */
    private final Map<Stage, TreeMap<Integer, StageRecord>> attempts = new EnumMap<>(Stage.class);
    /** The CloudEvents id of the latest completion of each stage: what a replay re-emits, as its replayof. */
    private final Map<Stage, String> completionIds = new EnumMap<>(Stage.class);
    private String requestId;
    /** The attempt a replay re-opened the run as; 0 when it was never replayed. */
    private int replayAttempt;
    private RunRequested request;
    private RunContext context;
    private RunCancelRequested cancel;
    private PendingStage pending;
    private Instant firstSeen;

    RunState(String runId, WatchdogLimits limits) {
        this.runId = runId;
        this.limits = limits;
    }

    String runId() {
        return runId;
    }

    synchronized void requested(RunRequested r, Instant now) {
        requested(r, now, null);
    }

    /** The first request of the run ({@code eventId}: its CloudEvents id, what a replay from infra_deploy re-emits). */
    synchronized void requested(RunRequested r, Instant now, String eventId) {
        if (request != null) {
            return;
        }
        request = r;
        requestId = eventId;
        context = context == null ? r.toContext() : context;
        firstSeen = firstSeen == null ? now : firstSeen;
        if (stages.isEmpty()) {
            pending = PendingStage.triggered(Stage.INFRA_DEPLOY, 1, now);
        }
    }

    /** Records the first cancel of a run not finished yet; returns whether it was new. */
    synchronized boolean cancelRequested(RunCancelRequested c) {
        if (cancel != null || finished()) {
            return false;
        }
        cancel = c;
        return true;
    }

    synchronized void started(StageStarted s, Instant now) {
        StageRecord current = stages.get(s.stage());
        if (current != null && current.attempt() > s.attempt()) {
            return;
        }
        if (current != null && current.attempt() == s.attempt() && current.started() != null) {
            // a restarted service starts the stage again: a sign of life, the first start stays the start
            alive(s.stage(), s.attempt(), now, true);
            return;
        }
        firstSeen = firstSeen == null ? now : firstSeen;
        context = s.context();
        put(s.stage(), new StageRecord(s.attempt(), s, null, null));
        pending = PendingStage.triggered(s.stage(), s.attempt(), now).alive(now, true);
    }

    synchronized void heartbeat(StageHeartbeat h, Instant now) {
        alive(h.stage(), h.attempt(), now, false);
    }

    /** Records a completion; returns true when it finishes the run (teardown done) and was not seen before. */
    synchronized boolean completed(StageCompleted c, Instant now) {
        return completed(c, now, null);
    }

    /** As {@link #completed(StageCompleted, Instant)}, keeping the event's id for a replay of the next stage. */
    synchronized boolean completed(StageCompleted c, Instant now, String eventId) {
        StageRecord current = stages.get(c.stage());
        if (current != null && (current.attempt() > c.attempt()
                || (current.attempt() == c.attempt() && current.finished()))) {
            return false;
        }
        firstSeen = firstSeen == null ? now : firstSeen;
        context = c.context();
        put(c.stage(), new StageRecord(c.attempt(),
                current != null && current.attempt() == c.attempt() ? current.started() : null, c, null));
        if (eventId != null) {
            completionIds.put(c.stage(), eventId);
        }
        pending = StageChain.next(c).map(next -> PendingStage.triggered(next, c.attempt(), now)).orElse(null);
        return c.stage() == Stage.TEARDOWN;
    }

    /** Records a time-out; returns true when it finishes the run (teardown itself timed out). */
    synchronized boolean timedOut(RunTimedOut t, Instant now) {
        StageRecord current = stages.get(t.stage());
        if (current != null && (current.attempt() > t.attempt()
                || (current.attempt() == t.attempt() && current.finished()))) {
            return false;
        }
        put(t.stage(), new StageRecord(t.attempt(), current == null ? null : current.started(), null, t));
        pending = StageChain.next(t).map(next -> PendingStage.triggered(next, t.attempt(), now)).orElse(null);
        return t.stage() == Stage.TEARDOWN;
    }

    /** The time-out to announce when the awaited stage shows no life or ran too long. */
    synchronized Optional<RunTimedOut> overdue(Instant now) {
        if (pending == null || context == null) {
            return Optional.empty();
        }
        Optional<String> why = pending.overdue(now, limits);
        if (why.isEmpty()) {
            return Optional.empty();
        }
        PendingStage p = pending;
        pending = null;
        Instant since = p.startedAt() == null ? p.triggeredAt() : p.lastSign();
        return Optional.of(new RunTimedOut(runId, p.stage(), p.attempt(),
                Duration.between(since, now).toMillis() / 1000.0, now, context, why.get()));
    }

    /** Whether the run is over: teardown of its latest attempt completed or timed out. */
    synchronized boolean finished() {
        StageRecord teardown = stages.get(Stage.TEARDOWN);
        return teardown != null && teardown.finished() && teardown.attempt() >= attempt();
    }

    /** The highest attempt of any stage, or of a replay under way: the attempt a verdict is for. */
    synchronized int attempt() {
        return Math.max(replayAttempt, stages.values().stream().mapToInt(StageRecord::attempt).max().orElse(1));
    }

    /**
     * A replay re-opens the run as {@code attempt} from {@code from}: the run waits for that stage again (the
     * watchdog's view), and the verdict to come is that attempt's. False when the run is at that attempt already.
     */
    synchronized boolean reopen(Stage from, int attempt, Instant now) {
        if (attempt <= attempt()) {
            return false;
        }
        replayAttempt = attempt;
        pending = PendingStage.triggered(from, attempt, now);
        return true;
    }

    /** The run's request as received, if any, with its event id (null when not known). */
    synchronized Optional<RunRequested> request() {
        return Optional.ofNullable(request);
    }

    synchronized String requestId() {
        return requestId;
    }

    /** The latest completion of {@code stage} with its event id, when the stage completed and its id is known. */
    synchronized Optional<Map.Entry<StageCompleted, String>> completion(Stage stage) {
        StageRecord record = stages.get(stage);
        String id = completionIds.get(stage);
        return record == null || record.completed() == null || id == null ? Optional.empty()
                : Optional.of(Map.entry(record.completed(), id));
    }

    /**
     * In flight: begun (requested or a stage seen) and not finished, or finished without a verdict for its attempt
     * ({@code publishedAttempt}: the highest attempt with a verdict, from the {@link VerdictLedger}).
     */
    synchronized boolean inFlight(int publishedAttempt) {
        boolean begun = request != null || !stages.isEmpty();
        return begun && (!finished() || attempt() > publishedAttempt);
    }

    synchronized RunSnapshot snapshot() {
        Map<Stage, java.util.List<StageRecord>> all = new EnumMap<>(Stage.class);
        attempts.forEach((stage, byAttempt) -> all.put(stage, java.util.List.copyOf(byAttempt.values())));
        return new RunSnapshot(runId, request, context, new EnumMap<>(stages), firstSeen, cancel, all, attempt());
    }

    private void put(Stage stage, StageRecord record) {
        stages.put(stage, record);
        attempts.computeIfAbsent(stage, s -> new TreeMap<>()).put(record.attempt(), record);
    }

    private void alive(Stage stage, int attempt, Instant now, boolean started) {
        if (pending != null && pending.stage() == stage && pending.attempt() == attempt) {
            pending = pending.alive(now, started);
        }
    }
}
