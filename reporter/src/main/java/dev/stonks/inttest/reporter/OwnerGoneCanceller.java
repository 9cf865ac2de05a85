package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.owner.OwnerGone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * When the process that owns this local stack dies, nobody waits for its runs any more: cancel every run in flight,
 * so that its stage stops and its sandbox is torn down before the stack exits.
 */
@ApplicationScoped
public class OwnerGoneCanceller {
    static final String BY = "inttest-stack";
    private static final Logger LOG = Logger.getLogger(OwnerGoneCanceller.class);
    private final Runs runs;
    private final EventPublisher publisher;

    public OwnerGoneCanceller(Runs runs, EventPublisher publisher) {
        this.runs = runs;
        this.publisher = publisher;
    }

    void onOwnerGone(@Observes OwnerGone gone) {
        for (RunState run : runs.inFlight()) {
            if (run.finished()) {
                continue;
            }
            LOG.warnf("run %s: cancelling: the owner of its stack (%s) died", run.runId(), gone.owner());
            publisher.publish(new RunCancelRequested(run.runId(), "the owner of the local stack (" + gone.owner()
                    + ") died", Instant.now(), BY));
        }
    }
}
