package dev.stonks.inttest.provisioner.reaper;

import dev.stonks.inttest.provisioner.backend.SandboxBackend;
import dev.stonks.inttest.provisioner.backend.SandboxBackends;
import dev.stonks.inttest.provisioner.config.ProvisionerConfig;
import dev.stonks.inttest.provisioner.local.LocalBackend;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Removes the sandboxes whose expiry has passed (a run that never reached teardown, or one kept with skip_teardown),
 * once at start-up and then every {@code provisioner.reaper.interval}. Only sandboxes of the pipeline are touched.
 */
@ApplicationScoped
public class SandboxReaper {
    private static final Logger LOG = Logger.getLogger(SandboxReaper.class);

    private final ProvisionerConfig config;
    private final SandboxBackends backends;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Clock clock = Clock.systemUTC();

    public SandboxReaper(ProvisionerConfig config, SandboxBackends backends) {
        this.config = config;
        this.backends = backends;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.reaper().enabled()) {
            // in the background: start-up (and readiness) does not wait for old sandboxes to stop
            CompletableFuture.runAsync(() -> {
                reapOrphans();
                reap();
            });
        }
    }

    @Scheduled(every = "${provisioner.reaper.interval}", delayed = "${provisioner.reaper.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        if (config.reaper().enabled()) {
            reap();
        }
    }

    /**
     * What a dead owner left (at start-up): local stacks of the CLI whose owner is gone, then local sandboxes whose
     * owner is gone and that were not kept with skip_teardown, whatever their expiry. Returns the namespaces removed.
     */
    public List<String> reapOrphans() {
        List<String> reaped = new ArrayList<>();
        for (SandboxBackend backend : backends.enabled()) {
            if (backend instanceof LocalBackend local) {
                try {
                    List<String> stacks = local.reapDeadStacks();
                    if (!stacks.isEmpty()) {
                        LOG.infof("reaper: removed %d stack(s) whose owner is gone: %s", stacks.size(), stacks);
                    }
                    reaped.addAll(local.reapOrphans());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "reaper: pass over what dead owners left failed");
                }
            }
        }
        if (!reaped.isEmpty()) {
            LOG.infof("reaper: removed %d sandbox(es) whose owner is gone: %s", reaped.size(), reaped);
        }
        return reaped;
    }

    /** One pass over every backend; returns the namespaces removed. */
    public List<String> reap() {
        if (!running.compareAndSet(false, true)) {
            return List.of();
        }
        try {
            List<String> reaped = new ArrayList<>();
            for (SandboxBackend backend : backends.enabled()) {
                try {
                    reaped.addAll(backend.reapExpired(clock.instant()));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "reaper: pass over the %s backend failed", backend.name());
                }
            }
            if (!reaped.isEmpty()) {
                LOG.infof("reaper: removed %d expired sandbox(es): %s", reaped.size(), reaped);
            }
            return reaped;
        } finally {
            running.set(false);
        }
    }
}
