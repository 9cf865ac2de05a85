package dev.stonks.inttest.support.stage;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageExecution;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.owner.ExitBlocker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs a stage for a trigger the way every stage service must: not again when its stage.completed is already on the
 * log (a trigger redelivered after a crash of this service, whose offset was not committed yet), with heartbeats
 * while it works, and stopped by a cancel of its run, before it starts or whenever its work asks
 * {@link #throwIfCancelled} (teardown alone runs whatever happened). The trigger's offset is committed only after this returns, that is, after
 * stage.completed was published: a service killed mid-stage gets the trigger again when it restarts.
 */
public class StageRunner implements ExitBlocker {
    private static final Logger LOG = Logger.getLogger(StageRunner.class);
    /** How long a trigger waits for the run log to be read at start-up before the stage runs anyway. */
    static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);

    private final EventPublisher publisher;
    private final RunLog log;
    private final Duration heartbeatEvery;
    private final AtomicInteger atWork = new AtomicInteger();

    public StageRunner(EventPublisher publisher, RunLog log, Duration heartbeatEvery) {
        this.publisher = publisher;
        this.log = log;
        this.heartbeatEvery = heartbeatEvery;
    }

    /** Runs the stage; empty when its stage.completed for this attempt is already on the log. */
    public Optional<StageCompleted> run(String runId, Stage stage, int attempt, RunContext context,
            Function<RunContext, StageResult> work) {
        if (!log.awaitCaughtUp(CATCH_UP_WAIT)) {
            LOG.warnf("run %s: the run log is not read after %d s; running %s without knowing whether it ran",
                    runId, CATCH_UP_WAIT.toSeconds(), stage.id());
        }
        if (log.completed(runId, stage, attempt)) {
            LOG.infof("run %s: %s #%d is already completed on the log; redelivered trigger ignored", runId,
                    stage.id(), attempt);
            return Optional.empty();
        }
        atWork.incrementAndGet();
        try {
            StageCompleted completed = StageExecution.run(publisher::publish, runId, stage, attempt, context,
                    heartbeatEvery, ctx -> {
                        if (stage == Stage.TEARDOWN) {
                            return work.apply(ctx); // teardown always runs, cancelled or not
                        }
                        throwIfCancelled(runId, stage);
                        StageResult result = work.apply(ctx);
                        // a cancel that came while the work ended: the chain must still stop here
                        throwIfCancelled(runId, stage);
                        return result;
                    });
            log.accept(completed);
            return Optional.of(completed);
        } finally {
            atWork.decrementAndGet();
        }
    }

    /** A cancel this service received on its own channel (the run log learns it too, maybe a moment later). */
    public void noteCancel(RunCancelRequested cancel) {
        log.accept(cancel);
    }

    public boolean isCancelled(String runId) {
        return log.cancel(runId).isPresent();
    }

    /** Ends the stage's work as cancelled when its run was cancelled. */
    public void throwIfCancelled(String runId, Stage stage) {
        Optional<RunCancelRequested> cancel = log.cancel(runId);
        if (cancel.isPresent()) {
            throw new StageFailedException(StageError.CANCELLED, "run " + runId + " was cancelled by "
                    + cancel.get().requestedBy() + " (" + cancel.get().reason() + "); " + stage.id() + " stopped");
        }
    }

    @Override
    public String busyWith() {
        int n = atWork.get();
        return n == 0 ? "" : n + " stage(s) at work";
    }
}
