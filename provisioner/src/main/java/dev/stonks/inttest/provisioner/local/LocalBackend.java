package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.OrphanSandboxes;
import dev.stonks.inttest.localstack.sandbox.OwnerEnvironment;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxException;
import dev.stonks.inttest.localstack.sandbox.SandboxInspection;
import dev.stonks.inttest.localstack.sandbox.SandboxLock;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackReaper;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import dev.stonks.inttest.provisioner.backend.SandboxBackend;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.provisioner.target.TargetSystem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sandboxes as processes on this machine, under {@code <sandbox root>/<namespace>/} (see
 * {@link dev.stonks.inttest.localstack.sandbox}). Every operation takes the namespace's lock, then looks at what is
 * there, so redeliveries, a teardown racing a deploy, and the reapers of several provisioners do not collide. What is
 * recorded in sandbox.json is enough to tear a sandbox down after a restart of the provisioner.
 */
public final class LocalBackend implements SandboxBackend, AutoCloseable {
    public static final String NAME = RunContext.BACKEND_LOCAL;
    private static final Logger LOG = Logger.getLogger(LocalBackend.class);

    private final LocalSettings settings;
    private final Clock clock;
    private final ExecutorService executor;
    private final BuildResolver builds;
    private final LocalInfra infra;
    private final LocalServices services;
    private final SandboxRemover remover;
    private final Optional<ProcessIdentity> owner;

    /** A backend whose sandboxes are owned by the process named in this process's environment (if any). */
    public LocalBackend(LocalSettings settings, TargetSystem target, Clock clock) {
        this(settings, target, clock, OwnerEnvironment.read(System.getenv()));
    }

    /**
     * @param owner recorded in every sandbox created: once that process is gone, the sandbox is an orphan and
     *              {@link #reapOrphans()} removes it (unless skip_teardown); empty: only the expiry applies
     */
    public LocalBackend(LocalSettings settings, TargetSystem target, Clock clock, Optional<ProcessIdentity> owner) {
        this.settings = settings;
        this.owner = owner;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-sandbox-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.builds = new BuildResolver(settings.home(), settings.buildsDir(), target);
        this.infra = new LocalInfra(settings, executor);
        this.services = new LocalServices(settings, target, executor);
        this.remover = new SandboxRemover(settings.stopGrace(), executor);
    }

    @Override
    public String name() {
        return NAME;
    }

    public LocalSettings settings() {
        return settings;
    }

    @Override
    public InfraDeployment deployInfra(String runId, int attempt, RunContext context) {
        String namespace = context.namespace();
        try (SandboxLock lock = lock(namespace)) {
            SandboxInspection found = LocalSandbox.inspect(root(), namespace);
            if (found instanceof SandboxInspection.Foreign foreign) {
                throw new StageFailedException(FailureKinds.NAMESPACE_IN_USE, found.dir()
                        + " exists and is not a sandbox of the pipeline (" + foreign.why() + "); left untouched");
            }
            if (found instanceof SandboxInspection.Owned owned) {
                LocalSandbox existing = owned.sandbox();
                SandboxRecord record = existing.record();
                if (!record.runId().equals(runId)) {
                    throw new StageFailedException(FailureKinds.NAMESPACE_IN_USE, "namespace " + namespace
                            + " is in use by run " + record.runId() + " (created " + record.createdAt()
                            + ", expires " + record.expiresAt() + ")");
                }
                if (LocalInfra.isHealthy(record)) {
                    LOG.infof("run %s: sandbox %s is already provisioned and healthy; reporting it again", runId,
                            namespace);
                    return LocalInfra.deployment(record);
                }
                LOG.warnf("run %s: sandbox %s is left from an interrupted infra_deploy; replacing it", runId,
                        namespace);
                remover.remove(runId, existing);
            }
            Instant now = clock.instant();
            Duration ttl = context.skipTeardown() ? settings.skipTeardownTtl() : settings.sandboxTtl();
            SandboxSecrets secrets = SandboxSecrets.generate(settings.postgresUser(), settings.postgresDatabase(),
                    settings.bucket());
            LocalSandbox sandbox = LocalSandbox.create(root(), SandboxRecord.create(runId, namespace,
                    context.imageTag(), context.skipTeardown(), context.scale(), now, now.plus(ttl))
                    .withOwner(owner.orElse(null)), secrets);
            LOG.infof("run %s: sandbox %s created in %s, expires %s", runId, namespace, sandbox.dir(),
                    sandbox.record().expiresAt());
            return infra.start(runId, attempt, sandbox, secrets);
        }
    }

    @Override
    public ServicesDeployment deployServices(String runId, int attempt, RunContext context) {
        try (SandboxLock lock = lock(context.namespace())) {
            LocalSandbox sandbox = ownedSandbox(runId, context.namespace(), FailureKinds.SANDBOX_MISSING);
            Path jar = builds.resolve(context.imageTag());
            SandboxRecord record = sandbox.record();
            if (!record.components(ComponentKind.SERVICE).isEmpty()) {
                if (services.areReady(record, attempt)) {
                    LOG.infof("run %s: services of %s are already deployed and ready; reporting them again", runId,
                            context.namespace());
                    return services.deployment(record, context.imageTag(), jar);
                }
                List<String> stopped = remover.stopServices(runId, sandbox);
                LOG.infof("run %s: stopped the services of an earlier service_deploy %s before redeploying", runId,
                        stopped);
            }
            LOG.infof("run %s: deploying %s from %s", runId, context.imageTag(), jar);
            return services.start(runId, attempt, context.imageTag(), sandbox, jar);
        }
    }

    @Override
    public TeardownOutput teardown(String runId, RunContext context) {
        String namespace = context.namespace();
        try (SandboxLock lock = lock(namespace)) {
            SandboxInspection found = LocalSandbox.inspect(root(), namespace);
            if (found instanceof SandboxInspection.Absent) {
                LOG.infof("run %s: sandbox %s is already removed", runId, namespace);
                return new TeardownOutput(List.of(), List.of(), "sandbox " + namespace + " was already removed");
            }
            LocalSandbox sandbox = ownedSandbox(runId, namespace, FailureKinds.NOT_OWNED);
            return remover.remove(runId, sandbox);
        }
    }

    @Override
    public Optional<RunContext> findRun(String runId) {
        return LocalSandbox.findByRunId(root(), runId).map(sandbox -> {
            SandboxRecord r = sandbox.record();
            Map<String, String> infraEndpoints = new TreeMap<>();
            Map<String, String> serviceUrls = new TreeMap<>();
            r.components().forEach((name, c) -> (c.kind() == ComponentKind.INFRA ? infraEndpoints : serviceUrls)
                    .put(name, c.endpoint()));
            return new RunContext(r.imageTag(), r.namespace(), r.skipTeardown(), r.scale(), NAME, infraEndpoints,
                    serviceUrls);
        });
    }

    @Override
    public List<String> reapExpired(Instant now) {
        List<String> reaped = new ArrayList<>();
        for (LocalSandbox candidate : LocalSandbox.list(root())) {
            SandboxRecord record = candidate.record();
            if (!record.isExpired(now)) {
                continue;
            }
            Optional<SandboxLock> lock = SandboxLock.tryAcquire(root(), candidate.namespace(), Duration.ZERO);
            if (lock.isEmpty()) {
                LOG.infof("run %s: expired sandbox %s is busy; the reaper tries again later", record.runId(),
                        candidate.namespace());
                continue;
            }
            try (SandboxLock held = lock.get()) {
                // look again under the lock: it may have been removed, or replaced by another run's
                if (LocalSandbox.inspect(root(), candidate.namespace()) instanceof SandboxInspection.Owned owned
                        && owned.sandbox().runId().equals(record.runId())
                        && owned.sandbox().record().isExpired(now)) {
                    LOG.infof("run %s: reaping sandbox %s (expired %s)", record.runId(), candidate.namespace(),
                            record.expiresAt());
                    remover.remove(record.runId(), owned.sandbox());
                    reaped.add(candidate.namespace());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %s: could not reap sandbox %s", record.runId(), candidate.namespace());
            }
        }
        return reaped;
    }

    /**
     * Removes the sandboxes whose owner is gone (not kept with skip_teardown; those wait for their expiry), whatever
     * their expiry, through the same removal as teardown. Returns the namespaces removed.
     */
    public List<String> reapOrphans() {
        return OrphanSandboxes.reap(root(), sandbox -> remover.remove(sandbox.runId(), sandbox));
    }

    /**
     * Removes the local stacks of the CLI ({@code <home>/.inttest/stacks}) whose owner is gone: their processes that
     * are still the recorded ones, and their broker data. Returns the stack directories removed.
     */
    public List<String> reapDeadStacks() {
        return new StackReaper(settings.stopGrace()).reapDead(StackFile.stacksRoot(settings.home())).stream()
                .map(r -> r.dir().toString()).toList();
    }

    /** The run's own sandbox; fails with {@code missingKind} when absent and {@code not_owned} when not the run's. */
    private LocalSandbox ownedSandbox(String runId, String namespace, String missingKind) {
        SandboxInspection found = LocalSandbox.inspect(root(), namespace);
        if (found instanceof SandboxInspection.Owned owned) {
            if (!owned.sandbox().runId().equals(runId)) {
                throw new StageFailedException(FailureKinds.NOT_OWNED, found.dir() + " belongs to run "
                        + owned.sandbox().runId() + ", not " + runId + "; left untouched");
            }
            return owned.sandbox();
        }
        if (found instanceof SandboxInspection.Foreign foreign) {
            throw new StageFailedException(FailureKinds.NOT_OWNED, found.dir()
                    + " is not a sandbox of the pipeline (" + foreign.why() + "); left untouched");
        }
        throw new StageFailedException(missingKind, "run " + runId + " has no sandbox " + found.dir());
    }

    private SandboxLock lock(String namespace) {
        try {
            return LocalSandbox.lock(root(), namespace, settings.lockTimeout());
        } catch (SandboxException e) {
            throw new StageFailedException(FailureKinds.SANDBOX_BUSY, e.getMessage(), e);
        }
    }

    private Path root() {
        return settings.sandboxRoot();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
