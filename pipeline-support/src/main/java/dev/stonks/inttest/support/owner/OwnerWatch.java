package dev.stonks.inttest.support.owner;

import dev.stonks.inttest.support.PipelineConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Nothing outlives its owner: a service of a local stack is told its owner ({@code INTTEST_OWNER_PID} and
 * {@code INTTEST_OWNER_START_TICKS}); when that process dies, this fires {@link OwnerGone} once, waits until no
 * {@link ExitBlocker} is busy (the runs are cancelled and torn down by then) or {@code inttest.owner.exit-within}
 * has passed, and exits the service. Without an owner (Kubernetes, tests) it does nothing.
 */
@ApplicationScoped
public class OwnerWatch {
    private static final Logger LOG = Logger.getLogger(OwnerWatch.class);
    /** After the owner died, a service idles this long before it may exit, so events in flight still reach it. */
    static final Duration QUIET = Duration.ofSeconds(5);

    private final Optional<OwnerProcess> owner;
    private final Duration pollEvery;
    private final Duration exitWithin;
    private final Event<OwnerGone> gone;
    private final Instance<ExitBlocker> blockers;
    private ScheduledExecutorService timer;
    private Instant goneAt;

    public OwnerWatch(PipelineConfig config, Event<OwnerGone> gone, Instance<ExitBlocker> blockers) {
        PipelineConfig.Owner owner = config.owner();
        this.owner = owner.pid().flatMap(p -> owner.startTicks().map(t -> new OwnerProcess(p, t)));
        this.pollEvery = owner.poll();
        this.exitWithin = owner.exitWithin();
        this.gone = gone;
        this.blockers = blockers;
    }

    void onStart(@Observes StartupEvent event) {
        if (owner.isEmpty()) {
            return;
        }
        LOG.infof("owner: %s; this service exits within %d s of its death", owner.get(), exitWithin.toSeconds());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "owner-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Optional<OwnerProcess> owner() {
        return owner;
    }

    /** Whether the owner died (always false without an owner). */
    public synchronized boolean ownerGone() {
        return goneAt != null;
    }

    private void check() {
        try {
            Instant now = Instant.now();
            boolean first = false;
            synchronized (this) {
                if (goneAt == null && !owner.get().isAlive()) {
                    goneAt = now;
                    first = true;
                }
            }
            if (first) {
                LOG.warnf("owner: %s is gone; cancelling this stack's runs, then exiting", owner.get());
                gone.fire(new OwnerGone(owner.get(), now));
                return;
            }
            if (goneAt == null) {
                return;
            }
            Duration since = Duration.between(goneAt, now);
            List<String> busy = blockers.stream().map(ExitBlocker::busyWith).filter(s -> !s.isEmpty()).toList();
            if (busy.isEmpty() && since.compareTo(QUIET) >= 0) {
                LOG.infof("owner: %s is gone and nothing is left to finish; exiting", owner.get());
                exit();
            } else if (since.compareTo(exitWithin) >= 0) {
                LOG.warnf("owner: %s is gone for %d s; exiting with %s unfinished", owner.get(), since.toSeconds(),
                        busy);
                exit();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "owner: check failed");
        }
    }

    private void exit() {
        timer.shutdown();
        Quarkus.asyncExit(0);
    }
}
