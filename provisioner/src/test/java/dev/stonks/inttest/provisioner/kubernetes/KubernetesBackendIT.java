package dev.stonks.inttest.provisioner.kubernetes;

import static dev.stonks.inttest.provisioner.testing.Events.context;
import static dev.stonks.inttest.provisioner.testing.Events.runRequested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageChain;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import dev.stonks.inttest.provisioner.backend.SandboxBackend;
import dev.stonks.inttest.provisioner.backend.SandboxBackends;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.provisioner.kubernetes.TestKubelet.Fault;
import dev.stonks.inttest.provisioner.stage.SandboxStages;
import dev.stonks.inttest.provisioner.target.StonksTarget;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.stage.RunLog;
import dev.stonks.inttest.support.stage.StageRunner;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox lifecycle of the kubernetes backend against fabric8's mock API server in CRUD mode, with
 * {@link TestKubelet} playing the controllers and the kubelet.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesBackendIT {
    private static final AtomicInteger RUNS = new AtomicInteger();

    static KubernetesClient client;
    static KubernetesMockServer server;

    private TestKubelet kubelet;
    private KubernetesBackend backend;
    private String run;

    @BeforeEach
    void setUp() {
        kubelet = TestKubelet.start(client);
        backend = backend(Duration.ofSeconds(3));
        run = "stonks-inttest-k8s-" + RUNS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffff);
    }

    @AfterEach
    void tearDown() {
        kubelet.close();
    }

    private static KubernetesBackend backend(Duration readyTimeout) {
        KubernetesSettings settings = KubernetesSettings.defaults(InttestHome.resolve())
                .withTimings(Map.of(), readyTimeout, readyTimeout, Duration.ofMillis(25));
        return new KubernetesBackend(client, settings, new StonksTarget(), Clock.systemUTC());
    }

    @Test
    void provisionsTheSandboxReportsClusterDnsEndpointsAndTearsItDown() {
        // Given
        RunContext context = context(run, "abc123", false).withInfra(Map.of());

        // When
        InfraDeployment infra = backend.deployInfra(run, 1, context);

        // Then: the namespace is marked as the pipeline's, for this run, with an expiry
        Namespace ns = client.namespaces().withName(run).get();
        assertThat(ns.getMetadata().getLabels())
                .containsEntry(SandboxLabels.RUN_ID, run)
                .containsEntry(SandboxLabels.CREATED_BY, SandboxLabels.CREATED_BY_VALUE)
                .containsEntry(SandboxLabels.MANAGED_BY, SandboxLabels.MANAGED_BY_VALUE)
                .containsKey(SandboxLabels.EXPIRES_AT)
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(SandboxLabels.expiresAt(ns)).get().matches(e -> e.isAfter(Instant.now().plusSeconds(3500)));
        assertThat(infra.endpoints()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "postgres", "postgresql://postgres." + run + ".svc.cluster.local:5432/stonks",
                "redis", "redis://redis." + run + ".svc.cluster.local:6379",
                "s3", "http://minio." + run + ".svc.cluster.local:9000"));
        assertThat(infra.output().backend()).isEqualTo("kubernetes");
        assertThat(client.apps().statefulSets().inNamespace(run).withName("postgres").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getArgs()).contains("shared_preload_libraries=pg_stat_statements");
        ConfigMap migrations = client.configMaps().inNamespace(run).withName("postgres-migrations").get();
        assertThat(migrations.getData()).containsKey("V1__core.sql");

        // and the credentials are random, in a Secret of the namespace, and nowhere in the output
        Secret secret = client.secrets().inNamespace(run).withName(SandboxSecret.NAME).get();
        String password = value(secret, SandboxSecret.POSTGRES_PASSWORD);
        assertThat(password).hasSize(32);
        assertThat(Json.tree(infra.output()).toString()).doesNotContain(password)
                .doesNotContain(value(secret, SandboxSecret.S3_SECRET_KEY));

        // When
        ServicesDeployment services = backend.deployServices(run, 1, context.withInfra(infra.endpoints()));

        // Then: every service runs the image at the run's tag, set on the container field
        assertThat(services.urls()).containsEntry("query-api", "http://query-api." + run
                + ".svc.cluster.local:8080").containsEntry("trading", "http://trading." + run
                        + ".svc.cluster.local:8080").hasSize(4);
        for (Deployment d : client.apps().deployments().inNamespace(run).withLabel("app.kubernetes.io/part-of",
                "stonks").list().getItems()) {
            assertThat(d.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getImage)
                    .containsExactly("ghcr.io/stonks/stonks:abc123");
        }
        assertThat(services.output().build()).isEqualTo("ghcr.io/stonks/stonks:abc123");

        // When
        TeardownOutput removed = backend.teardown(run, context);

        // Then
        assertThat(client.namespaces().withName(run).get()).isNull();
        assertThat(removed.removed()).containsExactly(run);
        assertThat(removed.stopped()).contains("postgres", "redis", "minio", "minio-bucket-init", "query-api",
                "registry", "risk", "trading");
    }

    @Test
    void aRedeliveredInfraDeployKeepsTheCredentialsAndTheSandbox() {
        // Given
        RunContext context = context(run, "latest", false);
        backend.deployInfra(run, 1, context);
        String password = value(client.secrets().inNamespace(run).withName(SandboxSecret.NAME).get(),
                SandboxSecret.POSTGRES_PASSWORD);

        // When
        InfraDeployment again = backend.deployInfra(run, 1, context);

        // Then
        assertThat(value(client.secrets().inNamespace(run).withName(SandboxSecret.NAME).get(),
                SandboxSecret.POSTGRES_PASSWORD)).isEqualTo(password);
        assertThat(again.endpoints()).containsKeys("postgres", "redis", "s3");
        assertThat(backend.findRun(run)).get().extracting(RunContext::namespace, RunContext::backend)
                .containsExactly(run, "kubernetes");
    }

    @Test
    void aPodThatNeverGetsReadyFailsInfraDeployWithTheComponentAndReasonThenTeardownDeletesTheNamespace() {
        // Given
        kubelet.breaks("postgres", Fault.NEVER_READY);
        List<InttestEvent> published = new ArrayList<>();
        SandboxStages stages = stages(published);
        RunRequested request = new RunRequested(run, "latest", run, false, 1, "kubernetes", Instant.now(), "test",
                null);

        // When
        StageCompleted infra = stages.infraDeploy(request).orElseThrow();

        // Then: the stage failed, naming the component and why, so the run ends with exit code 2
        assertThat(infra.status()).isEqualTo(StageStatus.FAILED);
        assertThat(infra.error().kind()).isEqualTo(FailureKinds.INFRA_NOT_READY);
        assertThat(infra.error().message()).startsWith("postgres: ProbeFailed: Readiness probe failed: HTTP probe "
                + "failed with statuscode: 503").contains("not ready within 3 s", "pod postgres-");
        assertThat(Stage.INFRA_DEPLOY.isSetup()).isTrue();
        assertThat(StageChain.next(infra)).contains(Stage.TEARDOWN);

        // When the chain's teardown runs
        StageCompleted teardown = stages.teardown(run, infra.attempt(), infra.context(), "infra_deploy failed").orElseThrow();

        // Then
        assertThat(teardown.status()).isEqualTo(StageStatus.OK);
        assertThat(client.namespaces().withName(run).get()).isNull();
    }

    @Test
    void anImageThatCannotBePulledFailsServiceDeployAtOnceAsImageNotFound() {
        // Given
        RunContext context = context(run, "no-such-tag", false);
        backend = backend(Duration.ofSeconds(30));
        backend.deployInfra(run, 1, context);
        kubelet.breaks("query-api", Fault.IMAGE_PULL_BACK_OFF);
        long t0 = System.nanoTime();

        // When / Then
        assertThatThrownBy(() -> backend.deployServices(run, 1, context))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKinds.IMAGE_NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("query-api: ImagePullBackOff: Back-off pulling image "
                            + "\"ghcr.io/stonks/stonks:no-such-tag\"");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aCrashLoopFailsWithTheLastLinesOfTheCrashedContainersLog() {
        // Given
        kubelet.breaks("redis", Fault.CRASH_LOOP);
        server.expect().get().withPath("/api/v1/namespaces/" + run + "/pods/redis-" + revision("docker.io/library/"
                + "redis:7.4") + "-0/log?pretty=false&container=redis&previous=true&tailLines=20")
                .andReturn(200, "1:M 01 Jan 00:00:00.000 # Fatal: can't open the log file\n").always();

        // When / Then
        assertThatThrownBy(() -> backend.deployInfra(run, 1, context(run, "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKinds.INFRA_NOT_READY);
                    assertThat(e.getMessage()).startsWith("redis: CrashLoopBackOff: restarted 5 times; last exit "
                            + "code 1 (Error)").contains("(previous container)", "Fatal: can't open the log file");
                });
    }

    @Test
    void aNamespaceWithoutThePipelinesLabelsIsRefusedAndLeftUntouched() {
        // Given
        client.resource(new NamespaceBuilder().withNewMetadata().withName(run).addToLabels("team", "payments")
                .endMetadata().build()).create();
        client.resource(new ConfigMapBuilder().withNewMetadata().withName("precious").withNamespace(run)
                .endMetadata().addToData("k", "v").build()).create();
        RunContext context = context(run, "latest", false);

        // When / Then
        assertThatThrownBy(() -> backend.deployInfra(run, 1, context))
                .isInstanceOfSatisfying(StageFailedException.class, e -> assertThat(e.kind())
                        .isEqualTo(FailureKinds.NAMESPACE_IN_USE));
        assertThatThrownBy(() -> backend.teardown(run, context))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKinds.NOT_OWNED);
                    assertThat(e.getMessage()).contains("left untouched");
                });
        assertThat(client.namespaces().withName(run).get().getMetadata().getLabels()).containsOnlyKeys("team");
        assertThat(client.configMaps().inNamespace(run).withName("precious").get()).isNotNull();
        assertThat(client.secrets().inNamespace(run).list().getItems()).isEmpty();
        assertThat(client.apps().statefulSets().inNamespace(run).list().getItems()).isEmpty();
    }

    @Test
    void anotherRunsSandboxIsNeitherReusedNorTornDown() {
        // Given
        backend.deployInfra(run, 1, context(run, "latest", false));

        // When / Then
        assertThatThrownBy(() -> backend.deployInfra("stonks-inttest-intruder", 1, context(run, "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> assertThat(e.kind())
                        .isEqualTo(FailureKinds.NAMESPACE_IN_USE));
        assertThatThrownBy(() -> backend.teardown("stonks-inttest-intruder", context(run, "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> assertThat(e.kind())
                        .isEqualTo(FailureKinds.NOT_OWNED));
        assertThat(client.namespaces().withName(run).get()).isNotNull();
    }

    @Test
    void theReaperDeletesOnlyExpiredNamespacesOfThePipeline() {
        // Given
        Instant now = Instant.now();
        String expired = run + "-old";
        String fresh = run + "-new";
        String foreign = run + "-foreign";
        String noRun = run + "-norun";
        namespace(expired, Map.of(SandboxLabels.MANAGED_BY, "inttest", SandboxLabels.CREATED_BY,
                SandboxLabels.CREATED_BY_VALUE, SandboxLabels.RUN_ID, expired, SandboxLabels.EXPIRES_AT,
                Long.toString(now.minusSeconds(60).getEpochSecond())));
        namespace(fresh, Map.of(SandboxLabels.MANAGED_BY, "inttest", SandboxLabels.CREATED_BY,
                SandboxLabels.CREATED_BY_VALUE, SandboxLabels.RUN_ID, fresh, SandboxLabels.EXPIRES_AT,
                Long.toString(now.plusSeconds(3600).getEpochSecond())));
        // expired, but not created by the provisioner (only looks like it)
        namespace(foreign, Map.of(SandboxLabels.MANAGED_BY, "inttest", SandboxLabels.EXPIRES_AT,
                Long.toString(now.minusSeconds(60).getEpochSecond())));
        namespace(noRun, Map.of(SandboxLabels.MANAGED_BY, "inttest", SandboxLabels.CREATED_BY,
                SandboxLabels.CREATED_BY_VALUE, SandboxLabels.EXPIRES_AT,
                Long.toString(now.minusSeconds(60).getEpochSecond())));

        // When
        List<String> reaped = backend.reapExpired(now);

        // Then
        assertThat(reaped).containsExactly(expired);
        assertThat(client.namespaces().withName(expired).get()).isNull();
        assertThat(client.namespaces().withName(fresh).get()).isNotNull();
        assertThat(client.namespaces().withName(foreign).get()).isNotNull();
        assertThat(client.namespaces().withName(noRun).get()).isNotNull();
    }

    @Test
    void aDryRunShowsEveryObjectWithoutCredentialsAndTouchesNoCluster() {
        // Given
        RunContext context = context(run, "abc123", false);

        // When
        List<HasMetadata> plan = backend.plan(run, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SandboxRender.run(new String[] {"sandbox", "--namespace", run, "--image-tag", "abc123"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        // Then
        assertThat(plan).extracting(HasMetadata::getKind).startsWith("Namespace", "Secret")
                .contains("ConfigMap", "Service", "StatefulSet", "Deployment", "Job");
        assertThat(plan).filteredOn(o -> o instanceof Deployment).hasSize(6);
        assertThat(client.namespaces().withName(run).get()).isNull();
        assertThat(code).isZero();
        String yaml = out.toString(StandardCharsets.UTF_8);
        assertThat(yaml).contains("kind: \"StatefulSet\"", "image: \"ghcr.io/stonks/stonks:abc123\"",
                SandboxSecret.REDACTED).doesNotContain("${NAMESPACE}");
    }

    @Test
    void serviceDeployWithoutTheRunsNamespaceFailsAsSandboxMissing() {
        assertThatThrownBy(() -> backend.deployServices(run, 1, context(run, "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> assertThat(e.kind())
                        .isEqualTo(FailureKinds.SANDBOX_MISSING));
    }

    private SandboxStages stages(List<InttestEvent> published) {
        return new SandboxStages(new StageRunner(new EventPublisher(null, null) {
            @Override
            public void publish(InttestEvent event) {
                published.add(event);
            }

            @Override
            public void publish(InttestEvent event, String replayOf) {
                published.add(event);
            }
        }, RunLog.standalone(), Duration.ZERO), new SandboxBackends(null, null, null) {
            @Override
            public SandboxBackend require(String name) {
                return backend;
            }

            @Override
            public List<SandboxBackend> enabled() {
                return List.of(backend);
            }
        });
    }

    private static void namespace(String name, Map<String, String> labels) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .build()).create();
    }

    private static String value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return secret.getStringData().get(key);
    }

    private static String revision(String image) {
        return Integer.toHexString(Math.abs(List.of(image).hashCode()) % 0xfffff);
    }

}
