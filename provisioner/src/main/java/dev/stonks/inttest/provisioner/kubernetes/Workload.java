package dev.stonks.inttest.provisioner.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component the backend waits for: a Deployment or StatefulSet (ready when enough of its pods are ready, on the
 * expected image when one is set) or a Job (ready when complete).
 *
 * @param name          the workload's name, which names the component in timings and failures
 * @param kind          Deployment, StatefulSet or Job
 * @param selector      labels of its pods
 * @param replicas      pods that must be ready (1 for a Job)
 * @param expectedImage the image its pods must run to count (services: the run's tag), or null
 */
public record Workload(String name, String kind, Map<String, String> selector, int replicas, String expectedImage) {

    public static final String JOB = "Job";

    public Workload {
        selector = Map.copyOf(selector);
    }

    public boolean isJob() {
        return JOB.equals(kind);
    }

    /** The workloads among {@code objects}; every one must select its pods by matchLabels. */
    public static List<Workload> of(List<HasMetadata> objects, String expectedImage) {
        List<Workload> workloads = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment d) {
                workloads.add(new Workload(d.getMetadata().getName(), d.getKind(), matchLabels(d,
                        d.getSpec().getSelector()), replicas(d.getSpec().getReplicas()), expected(d.getSpec()
                                .getTemplate(), expectedImage)));
            } else if (object instanceof StatefulSet s) {
                workloads.add(new Workload(s.getMetadata().getName(), s.getKind(), matchLabels(s,
                        s.getSpec().getSelector()), replicas(s.getSpec().getReplicas()), expected(s.getSpec()
                                .getTemplate(), expectedImage)));
            } else if (object instanceof Job j) {
                Map<String, String> labels = j.getSpec().getTemplate().getMetadata() == null ? null
                        : j.getSpec().getTemplate().getMetadata().getLabels();
                if (labels == null || labels.isEmpty()) {
                    throw new ManifestException("Job " + j.getMetadata().getName() + " has no pod template labels");
                }
                workloads.add(new Workload(j.getMetadata().getName(), JOB, labels, 1, null));
            }
        }
        return workloads;
    }

    /** Whether {@code pod} belongs to this workload. */
    public boolean selects(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    /** Whether {@code pod} runs what this workload should run now (a pod of an older rollout does not count). */
    public boolean runsExpectedImage(Pod pod) {
        return expectedImage == null || pod.getSpec().getContainers().stream()
                .anyMatch(c -> expectedImage.equals(c.getImage()));
    }

    private static Map<String, String> matchLabels(HasMetadata owner, LabelSelector selector) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            throw new ManifestException(owner.getKind() + " " + owner.getMetadata().getName()
                    + " must select its pods with spec.selector.matchLabels");
        }
        return selector.getMatchLabels();
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static String expected(PodTemplateSpec template, String expectedImage) {
        if (expectedImage == null) {
            return null;
        }
        Optional<String> match = template.getSpec().getContainers().stream().map(c -> c.getImage())
                .filter(expectedImage::equals).findFirst();
        return match.orElse(null);
    }
}
