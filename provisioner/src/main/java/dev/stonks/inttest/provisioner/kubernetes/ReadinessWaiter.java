package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Waits until every workload of a sandbox is ready, each within its own limit, looking at all pods of the namespace
 * once per poll. A state that waiting will not mend (image pull failure, crash loop, config error, failed Job) fails
 * at once; a component still not ready at its deadline fails with the best explanation its pods and events give. The
 * failure names the component, the reason and the last lines of the container's log.
 */
final class ReadinessWaiter {
    private static final Logger LOG = Logger.getLogger(ReadinessWaiter.class);

    private final KubernetesClient client;
    private final KubernetesSettings settings;

    ReadinessWaiter(KubernetesClient client, KubernetesSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * @param services whether these are services under test (their failure kind and default limit)
     * @return seconds from the start of waiting until each workload was seen ready, by workload name
     */
    Map<String, Double> await(String runId, String namespace, List<Workload> workloads, boolean services) {
        long t0 = System.nanoTime();
        Map<String, Workload> pending = new LinkedHashMap<>();
        workloads.forEach(w -> pending.put(w.name(), w));
        Map<String, Double> ready = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            for (Workload w : List.copyOf(pending.values())) {
                List<Pod> mine = pods.stream().filter(w::selects).filter(w::runsExpectedImage).toList();
                if (isReady(namespace, w, mine)) {
                    ready.put(w.name(), Math.round(elapsed * 10) / 10.0);
                    pending.remove(w.name());
                    LOG.infof("run %s: %s/%s is ready after %.1f s", runId, namespace, w.name(), elapsed);
                    continue;
                }
                Optional<ComponentFailure> hopeless = w.isJob() ? jobFailure(namespace, w, mine)
                        : mine.stream().map(p -> PodDiagnosis.hopeless(p, settings.crashLoopRestarts()))
                                .flatMap(Optional::stream).findFirst();
                if (hopeless.isPresent()) {
                    throw failure(runId, namespace, w, hopeless.get(), services, elapsed);
                }
                Duration limit = settings.readyTimeout(w.name(), services);
                if (elapsed * 1000 >= limit.toMillis()) {
                    ComponentFailure why = PodDiagnosis.notReady(mine, events(namespace));
                    throw failure(runId, namespace, w, new ComponentFailure(why.reason(), why.detail()
                            + " (not ready within " + limit.toSeconds() + " s)", why.pod(), why.container(),
                            why.imagePull(), why.previous()), services, elapsed);
                }
            }
            if (!pending.isEmpty()) {
                sleep();
            }
        }
        return ready;
    }

    private boolean isReady(String namespace, Workload w, List<Pod> pods) {
        if (w.isJob()) {
            Job job = client.batch().v1().jobs().inNamespace(namespace).withName(w.name()).get();
            return job != null && job.getStatus() != null && (condition(job, "Complete")
                    || job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() >= 1);
        }
        return pods.stream().filter(PodDiagnosis::isReady).count() >= w.replicas();
    }

    private Optional<ComponentFailure> jobFailure(String namespace, Workload w, List<Pod> pods) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(w.name()).get();
        if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
            return pods.stream().map(p -> PodDiagnosis.hopeless(p, settings.crashLoopRestarts()))
                    .flatMap(Optional::stream).findFirst();
        }
        for (JobCondition c : job.getStatus().getConditions()) {
            if ("Failed".equals(c.getType()) && "True".equals(c.getStatus())) {
                return Optional.of(PodDiagnosis.jobFailed((c.getReason() == null ? "failed" : c.getReason())
                        + (c.getMessage() == null ? "" : ": " + c.getMessage()), pods));
            }
        }
        return pods.stream().map(p -> PodDiagnosis.hopeless(p, settings.crashLoopRestarts()))
                .flatMap(Optional::stream).findFirst();
    }

    private static boolean condition(Job job, String type) {
        return job.getStatus().getConditions() != null && job.getStatus().getConditions().stream()
                .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private StageFailedException failure(String runId, String namespace, Workload w, ComponentFailure why,
            boolean services, double elapsed) {
        String kind = why.imagePull() ? FailureKinds.IMAGE_NOT_FOUND
                : services ? FailureKinds.SERVICE_NOT_READY : FailureKinds.INFRA_NOT_READY;
        StringBuilder message = new StringBuilder(w.name()).append(": ").append(why.reason()).append(": ")
                .append(why.detail());
        if (why.pod() != null) {
            message.append(" [pod ").append(why.pod()).append(why.container() == null ? "" : ", container "
                    + why.container()).append(']');
        }
        if (why.pod() != null && !why.imagePull() && settings.logTailLines() > 0) {
            message.append(System.lineSeparator()).append("--- last lines of ").append(why.pod())
                    .append(why.previous() ? " (previous container)" : "").append(" ---")
                    .append(System.lineSeparator()).append(logTail(namespace, why));
        }
        LOG.warnf("run %s: %s/%s did not become ready after %.1f s: %s: %s", runId, namespace, w.name(), elapsed,
                why.reason(), why.detail());
        return new StageFailedException(kind, message.toString());
    }

    private String logTail(String namespace, ComponentFailure why) {
        try {
            PodResource pod = client.pods().inNamespace(namespace).withName(why.pod());
            ContainerResource container = why.container() == null ? pod : pod.inContainer(why.container());
            TimeTailPrettyLoggable logs = why.previous() ? container.terminated() : container;
            String log = logs.tailingLines(settings.logTailLines()).getLog();
            return log == null || log.isBlank() ? "(empty log)" : log.stripTrailing();
        } catch (KubernetesClientException e) {
            return "(log unavailable: " + e.getCode() + " " + firstLine(e.getMessage()) + ")";
        }
    }

    private List<Event> events(String namespace) {
        try {
            return client.v1().events().inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageFailedException(FailureKinds.CANCELLED, "interrupted while waiting for readiness");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
