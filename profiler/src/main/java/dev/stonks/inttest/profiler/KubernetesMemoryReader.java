package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.MemoryUsage;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Memory of the services under test of a kubernetes sandbox, from metrics.k8s.io (what {@code kubectl top pods}
 * shows): per pod the sum of its containers' memory (the working set), keyed by the pod's
 * {@value #NAME_LABEL} (or {@value #APP_LABEL}) label. With several pods of one service, the largest is reported.
 * Pods of the infrastructure (PostgreSQL, Redis, the object store) are left out when the run's context names its
 * services.
 */
@ApplicationScoped
public class KubernetesMemoryReader {
    static final String SOURCE = "metrics-api";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String APP_LABEL = "app";

    private final Supplier<KubernetesClient> client;

    /** The client is made on first use, so a profiler that only sees local runs never opens one. */
    @Inject
    public KubernetesMemoryReader(Instance<KubernetesClient> client) {
        this((Supplier<KubernetesClient>) client::get);
    }

    KubernetesMemoryReader(Supplier<KubernetesClient> client) {
        this.client = client;
    }

    public MemoryReading read(RunContext context) {
        String ns = context.namespace();
        List<PodMetrics> pods;
        try {
            pods = client.get().top().pods().inNamespace(ns).metrics().getItems();
        } catch (KubernetesClientException e) {
            return MemoryReading.unavailable(e.getCode() == 404
                    ? "no metrics API (metrics.k8s.io) for namespace " + ns + ": is metrics-server installed?"
                    : "cannot read pod metrics of " + ns + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return MemoryReading.unavailable("cannot read pod metrics of " + ns + ": " + e);
        }
        Set<String> wanted = context.services().keySet();
        List<String> problems = new ArrayList<>();
        Map<String, Double> largest = new TreeMap<>();
        Labels labels = new Labels(ns, problems);
        for (PodMetrics pod : pods) {
            String service = labels.serviceOf(pod.getMetadata());
            if (service == null || !wanted.isEmpty() && !wanted.contains(service)) {
                continue;
            }
            double bytes = 0;
            for (ContainerMetrics container : pod.getContainers() == null ? List.<ContainerMetrics>of()
                    : pod.getContainers()) {
                Quantity memory = container.getUsage() == null ? null : container.getUsage().get("memory");
                if (memory != null) {
                    BigDecimal amount = Quantity.getAmountInBytes(memory);
                    bytes += amount.doubleValue();
                }
            }
            largest.merge(service, bytes, Math::max);
        }
        Map<String, MemoryUsage> memory = new TreeMap<>();
        largest.forEach((service, bytes) -> memory.put(service,
                new MemoryUsage(MemoryReading.mebibytes(bytes), null, SOURCE)));
        for (String service : new TreeMap<>(context.services()).keySet()) {
            if (!memory.containsKey(service)) {
                problems.add(service + ": no pod metrics (no running pod labelled " + NAME_LABEL + "=" + service
                        + ", or not scraped yet)");
            }
        }
        if (memory.isEmpty() && wanted.isEmpty()) {
            problems.add("no pod metrics in namespace " + ns);
        }
        return new MemoryReading(memory, problems);
    }

    /** The service a pod belongs to: from the labels metrics-server copies, else from the pod itself. */
    private final class Labels {
        private final String namespace;
        private final List<String> problems;
        private Map<String, Map<String, String>> ofPods;

        Labels(String namespace, List<String> problems) {
            this.namespace = namespace;
            this.problems = problems;
        }

        String serviceOf(ObjectMeta metrics) {
            String service = service(metrics.getLabels());
            return service != null ? service : service(pods().get(metrics.getName()));
        }

        private Map<String, Map<String, String>> pods() {
            if (ofPods == null) {
                ofPods = new HashMap<>();
                try {
                    for (Pod pod : client.get().pods().inNamespace(namespace).list().getItems()) {
                        ofPods.put(pod.getMetadata().getName(), pod.getMetadata().getLabels());
                    }
                } catch (KubernetesClientException e) {
                    problems.add("cannot list the pods of " + namespace + " for their labels: " + e.getMessage());
                }
            }
            return ofPods;
        }

        private static String service(Map<String, String> labels) {
            if (labels == null) {
                return null;
            }
            return labels.getOrDefault(NAME_LABEL, labels.get(APP_LABEL));
        }
    }
}
