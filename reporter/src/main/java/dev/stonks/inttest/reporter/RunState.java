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
        if (request != null) {
            return;
        }
        request = r;
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
        stages.put(s.stage(), new StageRecord(s.attempt(), s, null, null));
        pending = PendingStage.triggered(s.stage(), s.attempt(), now).alive(now, true);
    }

    synchronized void heartbeat(StageHeartbeat h, Instant now) {
        alive(h.stage(), h.attempt(), now, false);
    }

    /** Records a completion; returns true when it finishes the run (teardown done) and was not seen before. */
    synchronized boolean completed(StageCompleted c, Instant now) {
        StageRecord current = stages.get(c.stage());
        if (current != null && (current.attempt() > c.attempt()
                || (current.attempt() == c.attempt() && current.finished()))) {
            return false;
        }
        firstSeen = firstSeen == null ? now : firstSeen;
        context = c.context();
        stages.put(c.stage(), new StageRecord(c.attempt(),
                current != null && current.attempt() == c.attempt() ? current.started() : null, c, null));
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
        stages.put(t.stage(), new StageRecord(t.attempt(), current == null ? null : current.started(), null, t));
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

    /** Whether the run is over: teardown completed or timed out. */
    synchronized boolean finished() {
        StageRecord teardown = stages.get(Stage.TEARDOWN);
        return teardown != null && teardown.finished();
    }

    /** The highest attempt of any stage: the attempt a verdict is for. */
    synchronized int attempt() {
        return stages.values().stream().mapToInt(StageRecord::attempt).max().orElse(1);
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
        return new RunSnapshot(runId, request, context, new EnumMap<>(stages), firstSeen, cancel);
    }

    private void alive(Stage stage, int attempt, Instant now, boolean started) {
        if (pending != null && pending.stage() == stage && pending.attempt() == attempt) {
            pending = pending.alive(now, started);
        }
    }
}
