package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.MemoryUsage;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Memory of kubernetes service pods from metrics.k8s.io, against fabric8's mock API server in expectation mode (its
 * CRUD mode does not serve the metrics API).
 */
@EnableKubernetesMockClient
class KubernetesMemoryReaderIT {
    private static final String NS = "stonks-inttest-k8s-memory";
    private static final String METRICS = "/apis/metrics.k8s.io/v1beta1/namespaces/" + NS + "/pods";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private final KubernetesMemoryReader reader = new KubernetesMemoryReader(() -> client);

    @Test
    void sumsTheContainersOfEachServicePodAndLeavesTheInfrastructureOut() {
        // Given metrics of four pods: query-api (two containers), registry (no labels on its metrics: they are
        // looked up on the pod), risk (labelled app=risk), postgres (infrastructure)
        server.expect().get().withPath(METRICS).andReturn(200, new PodMetricsListBuilder().withItems(
                pod("query-api-7d9f", Map.of("app.kubernetes.io/name", "query-api"), "200Mi", "56Mi"),
                pod("registry-5c4b", null, "300Mi"),
                pod("risk-0", Map.of("app", "risk"), "128974848"),
                pod("postgres-0", Map.of("app.kubernetes.io/name", "postgres"), "1Gi")).build()).once();
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods").andReturn(200, new PodListBuilder()
                .addToItems(new PodBuilder().withNewMetadata().withName("registry-5c4b").withNamespace(NS)
                        .addToLabels("app.kubernetes.io/name", "registry").endMetadata().build()).build()).once();

        // When
        MemoryReading reading = reader.read(context(Map.of("query-api", "http://query-api:8080",
                "registry", "http://registry:8080", "risk", "http://risk:8080", "trading", "http://trading:8080")));

        // Then
        assertThat(reading.services()).containsOnly(
                Map.entry("query-api", new MemoryUsage(256.0, null, "metrics-api")),
                Map.entry("registry", new MemoryUsage(300.0, null, "metrics-api")),
                Map.entry("risk", new MemoryUsage(123.0, null, "metrics-api")));
        assertThat(reading.problems()).containsExactly(
                "trading: no pod metrics (no running pod labelled app.kubernetes.io/name=trading, or not scraped yet)");
    }

    @Test
    void withSeveralPodsOfAServiceTheLargestIsReported() {
        server.expect().get().withPath(METRICS).andReturn(200, new PodMetricsListBuilder().withItems(
                pod("query-api-a", Map.of("app.kubernetes.io/name", "query-api"), "100Mi"),
                pod("query-api-b", Map.of("app.kubernetes.io/name", "query-api"), "150Mi")).build()).once();

        MemoryReading reading = reader.read(context(Map.of("query-api", "http://query-api:8080")));

        assertThat(reading.services().get("query-api").rssMb()).isEqualTo(150.0);
        assertThat(reading.unavailable()).isNull();
    }

    @Test
    void aClusterWithoutTheMetricsApiIsUnavailableWithTheReason() {
        server.expect().get().withPath(METRICS).andReturn(404, "404 page not found").once();

        MemoryReading reading = reader.read(context(Map.of("query-api", "http://query-api:8080")));

        assertThat(reading.services()).isEmpty();
        assertThat(reading.unavailable()).isEqualTo("no metrics API (metrics.k8s.io) for namespace " + NS
                + ": is metrics-server installed?");
    }

    @Test
    void theBackendPicksTheKubernetesReader() {
        server.expect().get().withPath(METRICS).andReturn(200, new PodMetricsListBuilder().withItems(
                pod("trading-0", Map.of("app.kubernetes.io/name", "trading"), "64Mi")).build()).once();
        ServiceMemoryReader backend = new ServiceMemoryReader(new LocalMemoryReader(() -> {
            throw new AssertionError("a kubernetes run has no local sandbox");
        }), reader);

        MemoryReading reading = backend.read(context(Map.of("trading", "http://trading:8080")));

        assertThat(reading.services()).containsOnlyKeys("trading");
    }

    private static PodMetrics pod(String name, Map<String, String> labels, String... containerMemory) {
        PodMetricsBuilder pod = new PodMetricsBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(labels).endMetadata().withTimestamp("2026-11-24T04:00:00Z");
        for (int i = 0; i < containerMemory.length; i++) {
            pod.addToContainers(new ContainerMetricsBuilder().withName("c" + i).withUsage(Map.of(
                    "memory", new Quantity(containerMemory[i]), "cpu", new Quantity("12m"))).build());
        }
        return pod.build();
    }

    private static RunContext context(Map<String, String> services) {
        return new RunContext("latest", NS, false, 1, RunContext.BACKEND_KUBERNETES, Map.of(), services);
    }
}
