package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.support.EventPublisher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Announces run.timed-out for a stage that did not complete by its deadline, so that a dead service never leaves a
 * run hanging or a sandbox behind: the provisioner answers with teardown, and the reporter with a verdict.
 */
@ApplicationScoped
public class Watchdog {
    private static final Logger LOG = Logger.getLogger(Watchdog.class);
    private final Runs runs;
    private final EventPublisher publisher;

    public Watchdog(Runs runs, EventPublisher publisher) {
        this.runs = runs;
        this.publisher = publisher;
    }

    @Scheduled(every = "${reporter.watchdog-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        Instant now = Instant.now();
        for (RunState run : runs.all()) {
            run.overdue(now).ifPresent(this::announce);
        }
    }

    private void announce(RunTimedOut timedOut) {
        LOG.warnf("run %s: stage %s (attempt %d) missed its %.0f s deadline", timedOut.runId(),
                timedOut.stage().id(), timedOut.attempt(), timedOut.deadlineS());
        publisher.publish(timedOut);
    }
}
