package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.ComponentStatus;
import dev.stonks.inttest.events.output.InfraOutput;
import dev.stonks.inttest.events.output.ServicesOutput;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import dev.stonks.inttest.provisioner.backend.SandboxBackend;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.provisioner.target.TargetSystem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sandboxes as namespaces: {@code infra/inttest/*.yaml} applied as typed objects into {@code stonks-inttest-<id>},
 * which carries the pipeline's labels (run id, created-by, expiry). Credentials are a Secret made in the namespace;
 * endpoints are cluster DNS names. Only namespaces with the pipeline's labels are ever deleted, and by teardown only
 * the run's own. Operations on one namespace are serialised in this process; the run id keys every event, so one
 * run's events reach one provisioner replica.
 */
public final class KubernetesBackend implements SandboxBackend {
    public static final String NAME = RunContext.BACKEND_KUBERNETES;
    private static final Logger LOG = Logger.getLogger(KubernetesBackend.class);

    /** The infrastructure as later stages know it: context key -> Service, scheme and path of the endpoint. */
    private static final List<InfraEndpoint> INFRA = List.of(
            new InfraEndpoint("postgres", "postgres", "postgresql", true, List.of("postgres")),
            new InfraEndpoint("redis", "redis", "redis", false, List.of("redis")),
            new InfraEndpoint("s3", "minio", "http", false, List.of("minio", "minio-bucket-init")));

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final TargetSystem target;
    private final Clock clock;
    private final SandboxManifests manifests;
    private final ReadinessWaiter readiness;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public KubernetesBackend(KubernetesClient client, KubernetesSettings settings, TargetSystem target, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.target = target;
        this.clock = clock;
        this.manifests = new SandboxManifests(settings);
        this.readiness = new ReadinessWaiter(client, settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    public KubernetesSettings settings() {
        return settings;
    }

    @Override
    public InfraDeployment deployInfra(String runId, int attempt, RunContext context) {
        String ns = context.namespace();
        return locked(ns, () -> api(() -> {
            Namespace existing = client.namespaces().withName(ns).get();
            switch (SandboxLabels.ownership(existing, runId)) {
                case FOREIGN -> throw new StageFailedException(FailureKinds.NAMESPACE_IN_USE, "namespace " + ns
                        + " exists and is not a sandbox of the pipeline (" + SandboxLabels.describe(existing)
                        + "); left untouched");
                case OTHER_RUN -> throw new StageFailedException(FailureKinds.NAMESPACE_IN_USE, "namespace " + ns
                        + " is in use by run " + SandboxLabels.runIdOf(existing).orElseThrow() + " (expires "
                        + SandboxLabels.expiresAt(existing).map(Instant::toString).orElse("?") + ")");
                case OWNED -> {
                    if (existing.getMetadata().getDeletionTimestamp() != null) {
                        throw new StageFailedException(FailureKinds.SANDBOX_BUSY, "namespace " + ns
                                + " of run " + runId + " is being deleted; request a new run");
                    }
                    LOG.infof("run %s: namespace %s exists already (attempt %d); applying the infrastructure again",
                            runId, ns, attempt);
                }
                case ABSENT -> createNamespace(runId, context);
            }
            ensureSecret(runId, ns);
            List<HasMetadata> objects = manifests.infrastructure(ns);
            apply(runId, ns, objects);
            Map<String, Double> ready = readiness.await(runId, ns, Workload.of(objects, null), false);
            return infraDeployment(ns, objects, ready);
        }));
    }

    @Override
    public ServicesDeployment deployServices(String runId, int attempt, RunContext context) {
        String ns = context.namespace();
        return locked(ns, () -> api(() -> {
            requireOwned(runId, ns, FailureKinds.SANDBOX_MISSING);
            List<HasMetadata> objects = manifests.services(ns, context.imageTag());
            String image = manifests.image(context.imageTag());
            List<Workload> workloads = Workload.of(objects, image);
            List<String> missing = target.services().stream()
                    .filter(s -> workloads.stream().noneMatch(w -> w.name().equals(s))).toList();
            if (!missing.isEmpty()) {
                throw new ManifestException(SandboxManifests.SERVICES_FILE + " has no workload for " + missing);
            }
            LOG.infof("run %s: deploying %s into %s (attempt %d)", runId, image, ns, attempt);
            apply(runId, ns, objects);
            Map<String, Double> ready = readiness.await(runId, ns, workloads, true);
            Map<String, ComponentStatus> services = new TreeMap<>();
            Map<String, String> urls = new TreeMap<>();
            for (String service : target.services()) {
                String url = "http://" + settings.dnsName(service, ns) + ":" + port(objects, service);
                urls.put(service, url);
                services.put(service, new ComponentStatus(url, ready.getOrDefault(service, 0.0), null));
            }
            return new ServicesDeployment(new ServicesOutput(context.imageTag(), image, services), urls);
        }));
    }

    @Override
    public TeardownOutput teardown(String runId, RunContext context) {
        String ns = context.namespace();
        return locked(ns, () -> api(() -> {
            Namespace existing = client.namespaces().withName(ns).get();
            switch (SandboxLabels.ownership(existing, runId)) {
                case ABSENT -> {
                    LOG.infof("run %s: namespace %s is already removed", runId, ns);
                    return new TeardownOutput(List.of(), List.of(), "namespace " + ns + " was already removed");
                }
                case FOREIGN -> throw new StageFailedException(FailureKinds.NOT_OWNED, "namespace " + ns
                        + " is not a sandbox of the pipeline (" + SandboxLabels.describe(existing)
                        + "); left untouched");
                case OTHER_RUN -> throw new StageFailedException(FailureKinds.NOT_OWNED, "namespace " + ns
                        + " belongs to run " + SandboxLabels.runIdOf(existing).orElseThrow() + ", not " + runId
                        + "; left untouched");
                case OWNED -> {
                    List<String> stopped = workloadNames(ns);
                    boolean gone = delete(runId, existing, "teardown");
                    return new TeardownOutput(stopped, List.of(ns), gone ? "namespace " + ns + " deleted"
                            : "namespace " + ns + " is being deleted (still terminating after "
                                    + settings.deleteWait().toSeconds() + " s)");
                }
                default -> throw new IllegalStateException();
            }
        }));
    }

    @Override
    public Optional<RunContext> findRun(String runId) {
        return api(() -> client.namespaces().withLabels(SandboxLabels.PIPELINE_SELECTOR)
                .withLabel(SandboxLabels.RUN_ID, runId).list().getItems().stream()
                .filter(ns -> SandboxLabels.ownership(ns, runId) == SandboxLabels.Ownership.OWNED)
                .findFirst().map(this::contextOf));
    }

    @Override
    public List<String> reapExpired(Instant now) {
        List<String> reaped = new ArrayList<>();
        List<Namespace> candidates = api(() -> client.namespaces().withLabels(SandboxLabels.PIPELINE_SELECTOR).list()
                .getItems());
        for (Namespace ns : candidates) {
            String name = ns.getMetadata().getName();
            Optional<String> runId = SandboxLabels.runIdOf(ns);
            Optional<Instant> expiry = SandboxLabels.expiresAt(ns);
            if (runId.isEmpty() || expiry.isEmpty() || !expiry.get().isBefore(now)
                    || ns.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
            if (!lock.tryLock()) {
                LOG.infof("run %s: expired namespace %s is busy; the reaper tries again later", runId.get(), name);
                continue;
            }
            try {
                // look again: it may have been removed, or replaced by another run's
                Namespace current = client.namespaces().withName(name).get();
                if (SandboxLabels.ownership(current, runId.get()) == SandboxLabels.Ownership.OWNED
                        && SandboxLabels.expiresAt(current).filter(e -> e.isBefore(now)).isPresent()) {
                    LOG.infof("run %s: reaping namespace %s (expired %s)", runId.get(), name, expiry.get());
                    delete(runId.get(), current, "reaper");
                    reaped.add(name);
                }
            } catch (KubernetesClientException e) {
                LOG.errorf(e, "run %s: could not reap namespace %s", runId.get(), name);
            } finally {
                lock.unlock();
            }
        }
        return reaped;
    }

    /**
     * Every object infra_deploy and service_deploy would apply for the run, in order, with the Secret's values
     * replaced by a note: what {@code --dry-run} prints. Touches no cluster.
     */
    public List<HasMetadata> plan(String runId, RunContext context) {
        Instant now = clock.instant();
        return manifests.plan(runId, context, now, now.plus(ttl(context)));
    }

    /** runner.yaml for a run of {@code imageTag} in sandbox {@code namespace}, placeholders replaced. */
    public Job runner(String namespace, String imageTag) {
        return manifests.runner(namespace, imageTag);
    }

    private void createNamespace(String runId, RunContext context) {
        String ns = context.namespace();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl(context));
        Namespace namespace = manifests.namespace(ns, runId, context, now, expires);
        try {
            client.resource(namespace).create();
            LOG.infof("run %s: namespace %s created, expires %s", runId, ns, expires);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // created meanwhile by someone else: only go on if it is this run's
            Namespace raced = client.namespaces().withName(ns).get();
            if (SandboxLabels.ownership(raced, runId) != SandboxLabels.Ownership.OWNED) {
                throw new StageFailedException(FailureKinds.NAMESPACE_IN_USE, "namespace " + ns
                        + " was created by someone else meanwhile; left untouched");
            }
        }
    }

    private void ensureSecret(String runId, String ns) {
        if (client.secrets().inNamespace(ns).withName(SandboxSecret.NAME).get() != null) {
            LOG.infof("run %s: secret %s/%s exists; keeping its credentials", runId, ns, SandboxSecret.NAME);
            return;
        }
        Secret secret = SandboxSecret.of(ns, SandboxSecrets.generate(settings.postgresUser(),
                settings.postgresDatabase(), settings.bucket()));
        client.resource(secret).create();
        LOG.infof("run %s: secret %s/%s created with fresh random credentials", runId, ns, SandboxSecret.NAME);
    }

    private void apply(String runId, String ns, List<HasMetadata> objects) {
        for (HasMetadata object : SandboxManifests.ordered(objects)) {
            String what = object.getKind() + " " + ns + "/" + object.getMetadata().getName();
            try {
                if (object instanceof Job && client.resource(object).get() != null) {
                    // a Job's pod template is immutable: the one there is this run's, keep it
                    LOG.debugf("run %s: %s exists; kept", runId, what);
                    continue;
                }
                client.resource(object).inNamespace(ns).createOr(NonDeletingOperation::update);
                LOG.debugf("run %s: applied %s", runId, what);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 0) {
                    throw e;
                }
                throw new StageFailedException(FailureKinds.APPLY_REJECTED, what + " was refused by the API server: "
                        + e.getCode() + " " + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()),
                        e);
            }
        }
        LOG.infof("run %s: applied %d objects to %s", runId, objects.size(), ns);
    }

    private InfraDeployment infraDeployment(String ns, List<HasMetadata> objects, Map<String, Double> ready) {
        Map<String, ComponentStatus> components = new TreeMap<>();
        Map<String, String> endpoints = new TreeMap<>();
        for (InfraEndpoint infra : INFRA) {
            String endpoint = infra.scheme() + "://" + settings.dnsName(infra.service(), ns) + ":"
                    + port(objects, infra.service()) + (infra.database() ? "/" + settings.postgresDatabase() : "");
            double readyS = infra.workloads().stream().mapToDouble(w -> ready.getOrDefault(w, 0.0)).max()
                    .orElse(0.0);
            endpoints.put(infra.key(), endpoint);
            components.put(infra.key(), new ComponentStatus(endpoint, readyS, null));
        }
        return new InfraDeployment(new InfraOutput(NAME, ns, components), endpoints);
    }

    private static int port(List<HasMetadata> objects, String service) {
        return objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> service.equals(s.getMetadata().getName())).findFirst()
                .filter(s -> s.getSpec().getPorts() != null && !s.getSpec().getPorts().isEmpty())
                .map(s -> s.getSpec().getPorts().get(0).getPort())
                .orElseThrow(() -> new ManifestException("no Service " + service + " with a port in the manifests"));
    }

    private Namespace requireOwned(String runId, String ns, String missingKind) {
        Namespace existing = client.namespaces().withName(ns).get();
        return switch (SandboxLabels.ownership(existing, runId)) {
            case OWNED -> existing;
            case ABSENT -> throw new StageFailedException(missingKind, "run " + runId + " has no namespace " + ns);
            case FOREIGN -> throw new StageFailedException(FailureKinds.NOT_OWNED, "namespace " + ns
                    + " is not a sandbox of the pipeline (" + SandboxLabels.describe(existing) + "); left untouched");
            case OTHER_RUN -> throw new StageFailedException(FailureKinds.NOT_OWNED, "namespace " + ns
                    + " belongs to run " + SandboxLabels.runIdOf(existing).orElseThrow() + ", not " + runId);
        };
    }

    private List<String> workloadNames(String ns) {
        List<String> names = new ArrayList<>();
        client.apps().deployments().inNamespace(ns).list().getItems().forEach(d -> names.add(d.getMetadata()
                .getName()));
        client.apps().statefulSets().inNamespace(ns).list().getItems().forEach(s -> names.add(s.getMetadata()
                .getName()));
        client.batch().v1().jobs().inNamespace(ns).list().getItems().forEach(j -> names.add(j.getMetadata()
                .getName()));
        return names.stream().sorted().toList();
    }

    /**
     * Deletes a namespace the pipeline owns, on condition that it is still the version looked at (so a namespace
     * replaced meanwhile is not deleted), and waits a little for it to be gone.
     */
    private boolean delete(String runId, Namespace owned, String why) {
        String ns = owned.getMetadata().getName();
        client.namespaces().resource(owned).lockResourceVersion(owned.getMetadata().getResourceVersion()).delete();
        LOG.infof("run %s: %s deleted namespace %s", runId, why, ns);
        long deadline = System.nanoTime() + settings.deleteWait().toNanos();
        while (System.nanoTime() < deadline) {
            if (client.namespaces().withName(ns).get() == null) {
                return true;
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return client.namespaces().withName(ns).get() == null;
    }

    private RunContext contextOf(Namespace ns) {
        Map<String, String> a = ns.getMetadata().getAnnotations() == null ? Map.of()
                : ns.getMetadata().getAnnotations();
        return new RunContext(a.getOrDefault(SandboxLabels.ANNOTATION_IMAGE_TAG, "latest"), ns.getMetadata().getName(),
                Boolean.parseBoolean(a.get(SandboxLabels.ANNOTATION_SKIP_TEARDOWN)),
                Integer.parseInt(a.getOrDefault(SandboxLabels.ANNOTATION_SCALE, "1")), NAME, Map.of(), Map.of());
    }

    private Duration ttl(RunContext context) {
        return context.skipTeardown() ? settings.skipTeardownTtl() : settings.sandboxTtl();
    }

    private <T> T locked(String namespace, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(namespace, n -> new ReentrantLock());
        try {
            if (!lock.tryLock(settings.lockTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StageFailedException(FailureKinds.SANDBOX_BUSY, "another operation held namespace "
                        + namespace + " for longer than " + settings.lockTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageFailedException(FailureKinds.CANCELLED, "interrupted while waiting for " + namespace);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Names an API server that cannot be reached, and a manifest that cannot be used, as stage failures. */
    private static <T> T api(Supplier<T> call) {
        try {
            return call.get();
        } catch (ManifestException e) {
            throw new StageFailedException(FailureKinds.APPLY_REJECTED, e.getMessage(), e);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 0) {
                throw new StageFailedException(FailureKinds.CLUSTER_UNREACHABLE, "the Kubernetes API server cannot "
                        + "be reached: " + e.getMessage(), e);
            }
            if (e.getCode() == 403) {
                throw new StageFailedException(FailureKinds.APPLY_REJECTED, "forbidden: " + (e.getStatus() == null
                        ? e.getMessage() : e.getStatus().getMessage()) + " (see k8s/ for the RBAC the provisioner "
                        + "needs)", e);
            }
            throw e;
        }
    }

    private record InfraEndpoint(String key, String service, String scheme, boolean database,
            List<String> workloads) {
    }
}
