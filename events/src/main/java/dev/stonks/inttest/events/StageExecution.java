package dev.stonks.inttest.events;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one stage the same way in every service: publish stage.started, do the work (timed with a monotonic clock,
 * with a stage.heartbeat every {@code heartbeatEvery} while it works), publish stage.completed with
 * ok/failed/skipped. An exception from the work becomes a failed stage, never a lost one.
 */
public final class StageExecution {
    private static final ScheduledExecutorService HEARTBEATS = heartbeatTimer();

    private StageExecution() {
    }

    /** As below, without heartbeats. */
    public static StageCompleted run(Consumer<InttestEvent> publish, String runId, Stage stage, int attempt,
            RunContext context, Function<RunContext, StageResult> work) {
        return run(publish, runId, stage, attempt, context, Duration.ZERO, work);
    }

    /**
     * @param publish        sends an event to the bus
     * @param heartbeatEvery how often to publish stage.heartbeat while the work runs (zero: never)
     * @param work           does the stage's work given the incoming context
     */
    public static StageCompleted run(Consumer<InttestEvent> publish, String runId, Stage stage, int attempt,
            RunContext context, Duration heartbeatEvery, Function<RunContext, StageResult> work) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        publish.accept(new StageStarted(runId, stage, attempt, startedAt, context));
        ScheduledFuture<?> heartbeats = heartbeatEvery.isZero() || heartbeatEvery.isNegative() ? null
                : HEARTBEATS.scheduleAtFixedRate(() -> beat(publish, runId, stage, attempt, context),
                        heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        StageResult result;
        try {
            result = work.apply(context);
        } catch (StageFailedException e) {
            result = StageResult.failed(new StageError(e.kind(), e.getMessage()), null, context);
        } catch (RuntimeException e) {
            result = StageResult.failed(new StageError(e.getClass().getSimpleName(), String.valueOf(e.getMessage())),
                    null, context);
        } finally {
            if (heartbeats != null) {
                heartbeats.cancel(false);
            }
        }
        double seconds = Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0;
        RunContext next = result.context() != null ? result.context() : context;
        StageCompleted completed = new StageCompleted(runId, stage, attempt, result.status(), startedAt,
                Instant.now(), seconds, result.error(), result.output() == null ? null : Json.tree(result.output()),
                next);
        publish.accept(completed);
        return completed;
    }

    private static void beat(Consumer<InttestEvent> publish, String runId, Stage stage, int attempt,
            RunContext context) {
        try {
            publish.accept(new StageHeartbeat(runId, stage, attempt, Instant.now(), context));
        } catch (RuntimeException e) {
            // a missed heartbeat is what the watchdog measures; the stage's work goes on
            System.getLogger(StageExecution.class.getName()).log(System.Logger.Level.WARNING,
                    "run " + runId + ": heartbeat of " + stage.id() + " not published: " + e.getMessage());
        }
    }

    private static ScheduledExecutorService heartbeatTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "stage-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
