package dev.stonks.inttest.provisioner.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the controllers and the kubelet against fabric8's mock API server, which runs none: for every Deployment,
 * StatefulSet and Job it creates the pods of the current template and sets their status (editStatus) - ready, or
 * broken the way a test asked for one workload ({@link Fault}).
 */
final class TestKubelet implements AutoCloseable {
    static final String OWNER = "test-kubelet/owner";

    enum Fault {
        /** the container image cannot be pulled */
        IMAGE_PULL_BACK_OFF,
        /** the container starts, exits 1, is restarted again and again */
        CRASH_LOOP,
        /** runs, but its readiness probe never passes (an Unhealthy event says why) */
        NEVER_READY
    }

    private final KubernetesClient client;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-kubelet");
        t.setDaemon(true);
        return t;
    });

    private TestKubelet(KubernetesClient client) {
        this.client = client;
    }

    static TestKubelet start(KubernetesClient client) {
        TestKubelet kubelet = new TestKubelet(client);
        kubelet.loop.scheduleWithFixedDelay(kubelet::pass, 0, 20, TimeUnit.MILLISECONDS);
        return kubelet;
    }

    /** Pods of workload {@code name} (in any namespace) get {@code fault} from now on. */
    TestKubelet breaks(String name, Fault fault) {
        faults.put(name, fault);
        return this;
    }

    private void pass() {
        try {
            client.apps().deployments().inAnyNamespace().list().getItems().forEach(d -> ensurePods(d.getMetadata()
                    .getNamespace(), d.getMetadata().getName(), d.getSpec().getTemplate(), replicas(d.getSpec()
                            .getReplicas()), false));
            client.apps().statefulSets().inAnyNamespace().list().getItems().forEach(s -> ensurePods(s.getMetadata()
                    .getNamespace(), s.getMetadata().getName(), s.getSpec().getTemplate(), replicas(s.getSpec()
                            .getReplicas()), false));
            client.batch().v1().jobs().inAnyNamespace().list().getItems().forEach(this::runJob);
        } catch (KubernetesClientException | NullPointerException e) {
            // a namespace deleted under our feet; the next pass sees the new state
        }
    }

    private void runJob(Job job) {
        String ns = job.getMetadata().getNamespace();
        ensurePods(ns, job.getMetadata().getName(), job.getSpec().getTemplate(), 1, true);
        if (faults.containsKey(job.getMetadata().getName())) {
            return;
        }
        if (job.getStatus() == null || job.getStatus().getSucceeded() == null) {
            client.batch().v1().jobs().inNamespace(ns).withName(job.getMetadata().getName()).editStatus(j -> {
                j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().withSucceeded(1)
                        .withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build())
                        .build());
                return j;
            });
        }
    }

    private void ensurePods(String ns, String workload, PodTemplateSpec template, int replicas, boolean job) {
        String revision = Integer.toHexString(Math.abs(template.getSpec().getContainers().stream()
                .map(c -> c.getImage()).toList().hashCode()) % 0xfffff);
        for (int i = 0; i < replicas; i++) {
            String name = workload + "-" + revision + "-" + i;
            if (client.pods().inNamespace(ns).withName(name).get() != null) {
                continue;
            }
            Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
            labels.put(OWNER, workload);
            PodSpec spec = template.getSpec();
            Pod pod = client.resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(ns)
                    .withLabels(labels).endMetadata().withSpec(spec).build()).create();
            client.pods().inNamespace(ns).withName(name).editStatus(p -> {
                p.setStatus(status(ns, pod, faults.get(workload), job));
                return p;
            });
        }
    }

    private io.fabric8.kubernetes.api.model.PodStatus status(String ns, Pod pod, Fault fault, boolean job) {
        List<ContainerStatus> containers = new ArrayList<>();
        String image = pod.getSpec().getContainers().get(0).getImage();
        String container = pod.getSpec().getContainers().get(0).getName();
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName(container).withImage(image)
                .withRestartCount(0);
        boolean ready = false;
        String phase = "Running";
        if (fault == null) {
            ready = !job;
            phase = job ? "Succeeded" : "Running";
            status.withReady(ready).withState(job
                    ? new ContainerStateBuilder().withNewTerminated().withExitCode(0).withReason("Completed")
                            .endTerminated().build()
                    : new ContainerStateBuilder().withNewRunning().withStartedAt(Instant.now().toString())
                            .endRunning().build());
        } else {
            switch (fault) {
                case IMAGE_PULL_BACK_OFF -> {
                    phase = "Pending";
                    status.withReady(false).withState(new ContainerStateBuilder().withNewWaiting()
                            .withReason("ImagePullBackOff").withMessage("Back-off pulling image \"" + image + "\"")
                            .endWaiting().build());
                }
                case CRASH_LOOP -> status.withReady(false).withRestartCount(5)
                        .withState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                                .withMessage("back-off 40s restarting failed container").endWaiting().build())
                        .withLastState(new ContainerStateBuilder().withNewTerminated().withExitCode(1)
                                .withReason("Error").endTerminated().build());
                case NEVER_READY -> {
                    status.withReady(false).withState(new ContainerStateBuilder().withNewRunning()
                            .withStartedAt(Instant.now().toString()).endRunning().build());
                    client.resource(new EventBuilder().withNewMetadata()
                            .withName(pod.getMetadata().getName() + ".unhealthy").withNamespace(ns).endMetadata()
                            .withNewInvolvedObject().withKind("Pod").withName(pod.getMetadata().getName())
                            .withNamespace(ns).withFieldPath("spec.containers{" + container + "}")
                            .endInvolvedObject().withReason("Unhealthy").withType("Warning")
                            .withLastTimestamp(Instant.now().toString())
                            .withMessage("Readiness probe failed: HTTP probe failed with statuscode: 503").build())
                            .createOr(op -> op.update());
                }
            }
        }
        containers.add(status.build());
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase(phase)
                .withConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("True").build(),
                        new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False").build())
                .withContainerStatuses(containers).build();
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
