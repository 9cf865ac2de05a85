package dev.stonks.inttest.provisioner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.localstack.InttestHome;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML file under infra/ and k8s/: each object parses into a typed model with unknown fields rejected (fabric8's,
 * or Strimzi's for kafka.strimzi.io), and the custom resources validate against their projects' published CRD
 * schemas (shared/schemas beside the repository; skipped with a message where that folder is absent).
 */
class ManifestsTest {
    private static final Path HOME = InttestHome.resolve();
    private static final Path SCHEMAS = HOME.getParent().resolve("shared/schemas");
    private static final Map<Placeholder, String> SAMPLE = Map.of(Placeholder.NAMESPACE, "stonks-inttest-check",
            Placeholder.IMAGE_TAG, "abc123");
    private static final Set<String> CUSTOM_GROUPS = Set.of("kafka.strimzi.io", "kargo.akuity.io", "argoproj.io");
    private static final Set<String> KUSTOMIZATION_KEYS = Set.of("apiVersion", "kind", "namespace", "resources",
            "labels", "images", "replicas", "patches");
    private static CrdSchemas crds;

    @BeforeAll
    static void loadSchemas() {
        crds = Files.isDirectory(SCHEMAS) ? CrdSchemas.load(SCHEMAS) : null;
    }

    /** Every YAML file under infra/ and k8s/. */
    static Stream<Path> manifests() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("infra", "k8s")) {
            try (Stream<Path> walk = Files.walk(HOME.resolve(dir))) {
                walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).hasSizeGreaterThan(25);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void everyObjectParsesStrictlyAndCarriesTheRecommendedLabels(Path file) {
        String name = HOME.relativize(file).toString();
        if (file.getFileName().toString().equals("kustomization.yaml")) {
            checkKustomization(file);
            return;
        }
        List<ObjectNode> docs = ManifestTemplate.read(file).render(SAMPLE);
        assertThat(docs).as(name).isNotEmpty();
        for (ObjectNode doc : docs) {
            String apiVersion = doc.path("apiVersion").asText();
            String kind = doc.path("kind").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String what = name + ": " + kind + " " + doc.path("metadata").path("name").asText();
            assertThat(doc.path("metadata").path("labels").path("app.kubernetes.io/name").asText())
                    .as(what + " app.kubernetes.io/name").isNotEmpty();
            assertThat(doc.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .as(what + " app.kubernetes.io/part-of").isNotEmpty();
            assertThat(doc.path("metadata").path("labels").path("app.kubernetes.io/managed-by").asText())
                    .as(what + " app.kubernetes.io/managed-by").isNotEmpty();
            if (CUSTOM_GROUPS.contains(group)) {
                continue; // their schemas: the next test; Strimzi's typed model: StrimziModelTest
            }
            HasMetadata object = StrictModel.parse(doc, name);
            checkWorkload(what, object);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void customResourcesValidateAgainstThePublishedCrdSchemas(Path file) {
        assumeTrue(crds != null, "no CRD schemas at " + SCHEMAS + " (a clone without shared/): schema check skipped");
        if (file.getFileName().toString().equals("kustomization.yaml")) {
            return;
        }
        for (ObjectNode doc : ManifestTemplate.read(file).render(SAMPLE)) {
            String apiVersion = doc.path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            if (!CUSTOM_GROUPS.contains(group)) {
                continue;
            }
            String what = HOME.relativize(file) + ": " + doc.path("kind").asText() + " "
                    + doc.path("metadata").path("name").asText();
            assertThat(crds.violations(doc)).as(what + ": a published schema for " + apiVersion).isPresent().get()
                    .as(what).asList().isEmpty();
        }
    }

    @Test
    void theSchemaCheckRejectsAnUnknownFieldAndAWrongType() {
        assumeTrue(crds != null, "no CRD schemas at " + SCHEMAS + ": schema check skipped");
        // Given
        JsonNode stage = ManifestTemplate.parse("stage", """
                apiVersion: kargo.akuity.io/v1alpha1
                kind: Stage
                metadata: {name: beta, namespace: stonks}
                spec:
                  requestedFreight:
                    - origin: {kind: Warehouse, name: stonks}
                      sources: {direct: "yes"}
                  promotionTemplat: {}
                """).documents().get(0);

        // When / Then
        assertThat(crds.violations(stage)).get().asList().hasSize(2)
                .anySatisfy(v -> assertThat(v.toString()).contains("promotionTemplat"))
                .anySatisfy(v -> assertThat(v.toString()).contains("direct"));
    }

    @Test
    void theSandboxServicesProbeQuarkusHealthAndRunAsNonRoot() {
        SandboxManifests manifests = new SandboxManifests(KubernetesSettings.defaults(HOME));
        List<HasMetadata> services = manifests.services("stonks-inttest-check", "abc123");
        assertThat(services).filteredOn(Deployment.class::isInstance).hasSize(4).allSatisfy(o -> {
            Container c = ((Deployment) o).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(c.getImage()).isEqualTo("ghcr.io/stonks/stonks:abc123");
        });
        assertThat(manifests.runner("stonks-inttest-check", "abc123").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv()).anySatisfy(e -> assertThat(e.getValue()).isEqualTo("abc123"));
    }

    @Test
    void theReportersHistoryDatabaseIsWiredToTheReporter() {
        // Given the history database (Service + StatefulSet) and the reporter's Deployment
        List<HasMetadata> db = ManifestTemplate.read(HOME.resolve("k8s/055-StatefulSet-inttest-history-db.yaml"))
                .render(SAMPLE).stream().map(d -> StrictModel.parse(d, "055")).toList();
        io.fabric8.kubernetes.api.model.Service service = db.stream()
                .filter(io.fabric8.kubernetes.api.model.Service.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.Service.class::cast).findFirst().orElseThrow();
        StatefulSet postgres = db.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .findFirst().orElseThrow();
        Deployment reporter = ManifestTemplate.read(HOME.resolve("k8s/064-Deployment-inttest-reporter.yaml"))
                .render(SAMPLE).stream().map(d -> StrictModel.parse(d, "064")).filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).findFirst().orElseThrow();
        Map<String, io.fabric8.kubernetes.api.model.EnvVar> dbEnv = env(postgres.getSpec().getTemplate());
        Map<String, io.fabric8.kubernetes.api.model.EnvVar> reporterEnv = env(reporter.getSpec().getTemplate());

        // Then: the Service reaches the StatefulSet's pod, whose data is on its own volume
        assertThat(postgres.getSpec().getServiceName()).isEqualTo(service.getMetadata().getName());
        assertThat(postgres.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(postgres.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(pvc -> {
            assertThat(pvc.getSpec().getResources().getRequests()).containsKey("storage");
            assertThat(postgres.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                    .anySatisfy(m -> assertThat(m.getName()).isEqualTo(pvc.getMetadata().getName()));
        });
        assertThat(postgres.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .contains("postgres:16");
        // and the reporter's HISTORY_DB_* (contracts) name that Service, database, user and Secret
        int port = service.getSpec().getPorts().get(0).getPort();
        assertThat(reporterEnv.get("HISTORY_DB_ADDRESS").getValue()).isEqualTo(service.getMetadata().getName() + "."
                + service.getMetadata().getNamespace() + ".svc.cluster.local:" + port);
        assertThat(reporterEnv.get("HISTORY_DB_NAME").getValue()).isEqualTo(dbEnv.get("POSTGRES_DB").getValue());
        assertThat(reporterEnv.get("HISTORY_DB_USER").getValue()).isEqualTo(dbEnv.get("POSTGRES_USER").getValue());
        assertThat(reporterEnv.get("HISTORY_DB_PASSWORD").getValueFrom().getSecretKeyRef())
                .isEqualTo(dbEnv.get("POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef());
        assertThat(reporterEnv).containsKeys("ARTIFACTS_ENDPOINT", "ARTIFACTS_ACCESS_KEY", "ARTIFACTS_SECRET_KEY");
    }

    private static Map<String, io.fabric8.kubernetes.api.model.EnvVar> env(PodTemplateSpec template) {
        Map<String, io.fabric8.kubernetes.api.model.EnvVar> env = new java.util.HashMap<>();
        template.getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    /** Pods of the project's workloads: non-root, no privilege escalation, requests and limits. */
    private static void checkWorkload(String what, HasMetadata object) {
        PodTemplateSpec template = object instanceof Deployment d ? d.getSpec().getTemplate()
                : object instanceof StatefulSet s ? s.getSpec().getTemplate()
                        : object instanceof Job j ? j.getSpec().getTemplate() : null;
        if (template == null) {
            return;
        }
        assertThat(template.getMetadata().getLabels()).as(what + " pod labels").containsKey("app.kubernetes.io/name");
        PodSpec pod = template.getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what + " runAsNonRoot").isTrue();
        for (Container c : pod.getContainers()) {
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation")
                    .isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(what + " drops").contains("ALL");
            assertThat(c.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(what + " limits").containsKeys("cpu", "memory");
        }
    }

    private static void checkKustomization(Path file) {
        JsonNode k = ManifestTemplate.read(file).documents().get(0);
        assertThat(k.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(k.path("kind").asText()).isEqualTo("Kustomization");
        k.fieldNames().forEachRemaining(f -> assertThat(KUSTOMIZATION_KEYS).as(file + ": field " + f).contains(f));
        for (JsonNode resource : k.path("resources")) {
            Path target = file.getParent().resolve(resource.asText()).normalize();
            assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                    .as(file + ": resource " + resource.asText()).isTrue();
        }
    }
}
