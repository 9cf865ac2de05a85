package dev.stonks.inttest.events;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one stage the same way in every service: publish stage.started, do the work (timed with a monotonic clock),
 * publish stage.completed with ok/failed/skipped. An exception from the work becomes a failed stage, never a lost one.
 */
public final class StageExecution {

    private StageExecution() {
    }

    /**
     * @param publish sends an event to the bus
     * @param work    does the stage's work given the incoming context
     */
    public static StageCompleted run(Consumer<InttestEvent> publish, String runId, Stage stage, int attempt,
            RunContext context, Function<RunContext, StageResult> work) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        publish.accept(new StageStarted(runId, stage, attempt, startedAt, context));
        StageResult result;
        try {
            result = work.apply(context);
        } catch (StageFailedException e) {
            result = StageResult.failed(new StageError(e.kind(), e.getMessage()), null, context);
        } catch (RuntimeException e) {
            result = StageResult.failed(new StageError(e.getClass().getSimpleName(), String.valueOf(e.getMessage())),
                    null, context);
        }
        double seconds = Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0;
        RunContext next = result.context() != null ? result.context() : context;
        StageCompleted completed = new StageCompleted(runId, stage, attempt, result.status(), startedAt,
                Instant.now(), seconds, result.error(), result.output() == null ? null : Json.tree(result.output()),
                next);
        publish.accept(completed);
        return completed;
    }
}
