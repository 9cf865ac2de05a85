package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.support.EventPublisher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Announces run.timed-out for a stage whose heartbeats stopped, that never started, or that ran past its maximum
 * duration, so that a dead service never leaves a run hanging or a sandbox behind: the provisioner answers with
 * teardown, and the reporter with a verdict. It waits while runs are being rebuilt from the log.
 */
@ApplicationScoped
public class Watchdog {
    private static final Logger LOG = Logger.getLogger(Watchdog.class);
    private final Runs runs;
    private final EventPublisher publisher;
    private final LogRecovery recovery;

    public Watchdog(Runs runs, EventPublisher publisher, LogRecovery recovery) {
        this.runs = runs;
        this.publisher = publisher;
        this.recovery = recovery;
    }

    @Scheduled(every = "${reporter.watchdog-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!recovery.caughtUp()) {
            return;
        }
        Instant now = Instant.now();
        for (RunState run : runs.all()) {
            run.overdue(now).ifPresent(this::announce);
        }
    }

    private void announce(RunTimedOut timedOut) {
        LOG.warnf("run %s: giving up %s (attempt %d): %s", timedOut.runId(), timedOut.stage().id(),
                timedOut.attempt(), timedOut.reason());
        publisher.publish(timedOut);
    }
}
