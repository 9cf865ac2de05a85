package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageChain;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One run as the event stream tells it: the request, the latest attempt of each stage, and the stage the run waits
 * for with its deadline (the watchdog's view). Events of an older attempt than the one recorded are ignored;
 * repeated events of the same (stage, attempt) are de-duplicated.
 */
final class RunState {
    private final String runId;
    private final Function<Stage, Duration> deadlines;
    private final Map<Stage, StageRecord> stages = new EnumMap<>(Stage.class);
    private RunRequested request;
    private RunContext context;
    private PendingStage pending;
    private Instant firstSeen;
    private int reportedAttempt;

    RunState(String runId, Function<Stage, Duration> deadlines) {
        this.runId = runId;
        this.deadlines = deadlines;
    }

    synchronized void requested(RunRequested r, Instant now) {
        if (request != null) {
            return;
        }
        request = r;
        context = context == null ? r.toContext() : context;
        firstSeen = firstSeen == null ? now : firstSeen;
        if (stages.isEmpty()) {
            expect(Stage.INFRA_DEPLOY, 1, now);
        }
    }

    synchronized void started(StageStarted s, Instant now) {
        StageRecord current = stages.get(s.stage());
        if (current != null && (current.attempt() > s.attempt()
                || (current.attempt() == s.attempt() && current.started() != null))) {
            return;
        }
        firstSeen = firstSeen == null ? now : firstSeen;
        context = s.context();
        stages.put(s.stage(), new StageRecord(s.attempt(), s, null, null));
        expect(s.stage(), s.attempt(), now);
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
        pending = null;
        StageChain.next(c).ifPresent(next -> expect(next, c.attempt(), now));
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
        pending = null;
        StageChain.next(t).ifPresent(next -> expect(next, t.attempt(), now));
        return t.stage() == Stage.TEARDOWN;
    }

    /** The time-out to announce when the awaited stage is past its deadline. */
    synchronized Optional<RunTimedOut> overdue(Instant now) {
        if (pending == null || now.isBefore(pending.deadline()) || context == null) {
            return Optional.empty();
        }
        PendingStage p = pending;
        pending = null;
        return Optional.of(new RunTimedOut(runId, p.stage(), p.attempt(),
                deadlines.apply(p.stage()).toMillis() / 1000.0, now, context));
    }

    /** Whether a verdict for this attempt of the run is still to be published (one per attempt). */
    synchronized boolean claimVerdict() {
        int attempt = stages.values().stream().mapToInt(StageRecord::attempt).max().orElse(1);
        if (attempt <= reportedAttempt) {
            return false;
        }
        reportedAttempt = attempt;
        return true;
    }

    synchronized RunSnapshot snapshot() {
        return new RunSnapshot(runId, request, context, new EnumMap<>(stages), firstSeen);
    }

    private void expect(Stage stage, int attempt, Instant now) {
        pending = new PendingStage(stage, attempt, now.plus(deadlines.apply(stage)));
    }
}
