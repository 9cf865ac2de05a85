package dev.stonks.inttest.promoter.testing;

import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.promoter.kargo.KargoKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays Kargo against fabric8's mock API server, which runs no controller: it holds the project's Stages (the real
 * manifests of k8s/) and Freight, and finishes Promotions the way a test asks - by hand ({@link #finish}), or on its
 * own ({@link #start}: every new Promotion of a stage ends with that stage's outcome, Succeeded by default, and a
 * Succeeded one marks the Freight verified in the stage).
 */
public final class TestKargo implements AutoCloseable {
    public static final String NAMESPACE = "stonks";
    public static final String IMAGE = "ghcr.io/stonks/stonks";

    private final KubernetesClient client;
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private ScheduledExecutorService loop;

    public TestKargo(KubernetesClient client) {
        this.client = client;
    }

    /** The mock server's CRUD dispatcher must know the kinds to serve their status subresource. */
    public static List<CustomResourceDefinitionContext> crds() {
        return List.of(crd(KargoKinds.PROMOTION), crd(KargoKinds.FREIGHT), crd(KargoKinds.STAGE));
    }

    private static CustomResourceDefinitionContext crd(ResourceDefinitionContext kind) {
        return new CustomResourceDefinitionContext.Builder().withGroup(kind.getGroup()).withVersion(kind.getVersion())
                .withKind(kind.getKind()).withPlural(kind.getPlural()).withScope("Namespaced")
                .withName(kind.getPlural() + "." + kind.getGroup()).withStatusSubresource(true).build();
    }

    /** Creates the Stages beta, paper and live from k8s/074-076 (where they are not there yet). */
    public TestKargo withProjectStages() {
        Path k8s = InttestHome.resolve().resolve("k8s");
        for (String file : List.of("074-Stage-beta.yaml", "075-Stage-paper.yaml", "076-Stage-live.yaml")) {
            try (InputStream in = Files.newInputStream(k8s.resolve(file))) {
                for (HasMetadata o : client.load(in).items()) {
                    GenericKubernetesResource stage = client.getKubernetesSerialization().convertValue(o,
                            GenericKubernetesResource.class);
                    if (ops(KargoKinds.STAGE).withName(stage.getMetadata().getName()).get() == null) {
                        ops(KargoKinds.STAGE).resource(stage).create();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Freight of the Warehouse stonks with the image at {@code tag}, as the Warehouse creates it. */
    public TestKargo freight(String name, String tag) {
        return freight(name, IMAGE, tag);
    }

    public TestKargo freight(String name, String repository, String tag) {
        GenericKubernetesResource f = new GenericKubernetesResource();
        f.setApiVersion(KargoKinds.API_VERSION);
        f.setKind("Freight");
        f.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        f.setAdditionalProperty("origin", Map.of("kind", "Warehouse", "name", "stonks"));
        f.setAdditionalProperty("images", List.of(Map.of("repoURL", repository, "tag", tag,
                "digest", "sha256:" + "0".repeat(64))));
        ops(KargoKinds.FREIGHT).resource(f).create();
        return this;
    }

    /** Every Promotion in the project, in creation order. */
    public List<GenericKubernetesResource> promotions() {
        return ops(KargoKinds.PROMOTION).list().getItems().stream()
                .sorted(Comparator.comparing((GenericKubernetesResource p) -> Long.parseLong(p.getMetadata()
                        .getResourceVersion()))).toList();
    }

    /** The Promotions of one run (by the promoter's run-id label), in creation order. */
    public List<GenericKubernetesResource> promotionsOf(String runId) {
        return promotions().stream().filter(p -> runId.equals(p.getMetadata().getLabels()
                .get("inttest.stonks.dev/run-id"))).toList();
    }

    public static String stageOf(GenericKubernetesResource promotion) {
        return promotion.get("spec", "stage");
    }

    /** The Promotion succeeded and its Freight passed verification in the stage. */
    public void succeed(String promotionName) {
        GenericKubernetesResource p = ops(KargoKinds.PROMOTION).withName(promotionName).get();
        finish(promotionName, "Succeeded", null);
        verify(p.get("spec", "freight"), stageOf(p));
    }

    /** Sets a Promotion's {@code status.phase} (and message), nothing else. */
    public void finish(String promotionName, String phase, String message) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", phase);
        if (message != null) {
            status.put("message", message);
        }
        status.put("finishedAt", Instant.now().toString());
        ops(KargoKinds.PROMOTION).withName(promotionName).editStatus(r -> {
            r.setAdditionalProperty("status", status);
            return r;
        });
    }

    /** What Kargo's verification does when it passes: Freight {@code status.verifiedIn.<stage>}. */
    public void verify(String freight, String stage) {
        ops(KargoKinds.FREIGHT).withName(freight).editStatus(r -> {
            Map<String, Object> status = new HashMap<>(Optional.ofNullable(r.<Map<String, Object>>get("status"))
                    .orElse(Map.of()));
            Map<String, Object> verifiedIn = new HashMap<>(Optional.ofNullable(
                    (Map<String, Object>) status.get("verifiedIn")).orElse(Map.of()));
            verifiedIn.put(stage, Map.of("verifiedAt", Instant.now().toString()));
            status.put("verifiedIn", verifiedIn);
            r.setAdditionalProperty("status", status);
            return r;
        });
    }

    /** A verification of {@code freight} in {@code stage} that ended {@code phase}, in the Stage's freight history. */
    public void verificationEnded(String stage, String freight, String phase, String message) {
        ops(KargoKinds.STAGE).withName(stage).editStatus(r -> {
            r.setAdditionalProperty("status", Map.of("freightHistory", List.of(Map.of(
                    "id", "collection-1",
                    "items", Map.of("Warehouse/stonks", Map.of("name", freight,
                            "origin", Map.of("kind", "Warehouse", "name", "stonks"))),
                    "verificationHistory", List.of(Map.of("id", "v1", "phase", phase, "message", message))))));
            return r;
        });
    }

    /** From now on, new Promotions of {@code stage} end {@code phase} (Succeeded unless told). */
    public TestKargo outcome(String stage, String phase) {
        outcomes.put(stage, phase);
        return this;
    }

    /** Finishes every new Promotion on its own, every 50 ms. */
    public TestKargo start() {
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-kargo");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::pass, 0, 50, TimeUnit.MILLISECONDS);
        return this;
    }

    private void pass() {
        try {
            for (GenericKubernetesResource p : promotions()) {
                if (p.get("status") == null) {
                    String phase = outcomes.getOrDefault(stageOf(p), "Succeeded");
                    if (phase.equals("Succeeded")) {
                        succeed(p.getMetadata().getName());
                    } else {
                        finish(p.getMetadata().getName(), phase, "step argocd-update failed: Application stonks-"
                                + stageOf(p) + " is degraded");
                    }
                }
            }
        } catch (KubernetesClientException | NullPointerException e) {
            // the next pass sees the new state
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> ops(ResourceDefinitionContext kind) {
        return client.genericKubernetesResources(kind).inNamespace(NAMESPACE);
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.shutdownNow();
        }
    }
}
