package dev.stonks.inttest.provisioner.local;

import static dev.stonks.inttest.provisioner.testing.Events.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.localstack.FreePorts;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxCredentials;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.provisioner.target.StonksTarget;
import dev.stonks.inttest.provisioner.target.TargetSystem;
import dev.stonks.inttest.provisioner.testing.FakeTarget;
import dev.stonks.inttest.provisioner.testing.Redis;
import dev.stonks.inttest.provisioner.testing.Trees;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local backend against real components: PostgreSQL 16, Redis, the S3 store, and the packaged stonks jar (the
 * reactor builds stonks before provisioner). Failure paths of the service machinery use a tiny fake build.
 */
class LocalBackendIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    private final List<LocalBackend> backends = new ArrayList<>();
    private final List<Long> leftovers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        // a failed test must not leave processes behind: stop whatever any sandbox of this test recorded
        for (LocalBackend backend : backends) {
            for (LocalSandbox sandbox : LocalSandbox.list(backend.settings().sandboxRoot())) {
                sandbox.record().components().values().stream().map(SandboxComponent::process)
                        .filter(ProcessIdentity::isRunning).forEach(p -> ProcessControl.stop(p.pid(), Duration.ofSeconds(5)));
            }
            backend.close();
        }
        leftovers.forEach(pid -> ProcessControl.stop(pid, Duration.ofSeconds(2)));
    }

    @Test
    void provisionsRealInfrastructureThatAcceptsTheRecordedCredentialsThenTearsItAllDown() throws Exception {
        // Given
        LocalBackend backend = backend(new StonksTarget());
        String run = "stonks-inttest-infra";
        RunContext ctx = context(run, "latest", false);

        // When
        long t0 = System.nanoTime();
        InfraDeployment deployed = backend.deployInfra(run, 1, ctx);
        report("infra_deploy", t0);

        // Then: the endpoints carry no credentials, and neither does anything the stage emits
        LocalSandbox sandbox = LocalSandbox.open(root(backend), run);
        SandboxCredentials c = sandbox.credentials();
        assertThat(deployed.endpoints()).containsOnlyKeys("postgres", "redis", "s3")
                .containsEntry("postgres", "postgresql://127.0.0.1:" + c.postgresPort() + "/stonks")
                .containsEntry("redis", "redis://127.0.0.1:" + c.redisPort())
                .containsEntry("s3", "http://127.0.0.1:" + c.s3Endpoint().getPort());
        String emitted = Json.tree(deployed.output()).toString() + Json.tree(ctx.withInfra(deployed.endpoints()));
        SandboxSecrets secrets = c.secrets();
        assertThat(emitted).doesNotContain(secrets.postgresPassword(), secrets.redisPassword(),
                secrets.s3AccessKey(), secrets.s3SecretKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                sandbox.dir().resolve(LocalSandbox.CREDENTIALS_FILE)))).isEqualTo("rw-------");

        // and PostgreSQL takes the recorded password (and only that one)
        try (Connection db = DriverManager.getConnection(c.postgresJdbcUrl(), c.postgresUser(), c.postgresPassword());
                ResultSet rs = db.createStatement().executeQuery("select current_user, current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("stonks");
            assertThat(rs.getString(2)).isEqualTo("stonks");
            assertThat(rs.getString(3)).startsWith("PostgreSQL 16");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(c.postgresJdbcUrl(), c.postgresUser(), "wrong"))
                .isInstanceOf(SQLException.class);
        // Redis answers PING after AUTH, and refuses without
        assertThat(Redis.command(c.redisPort(), c.redisPassword(), "PING")).isEqualTo("+PONG");
        assertThat(Redis.command(c.redisPort(), null, "PING")).startsWith("-NOAUTH");
        // the bucket exists and holds what is put into it
        try (MinioClient s3 = MinioClient.builder().endpoint(c.s3Endpoint().toString())
                .credentials(c.s3AccessKey(), c.s3SecretKey()).region("us-east-1").build()) {
            byte[] text = "hello sandbox".getBytes(StandardCharsets.UTF_8);
            s3.putObject(PutObjectArgs.builder().bucket(c.s3Bucket()).object("docs/a.txt")
                    .stream(new ByteArrayInputStream(text), text.length, -1).build());
            try (var in = s3.getObject(GetObjectArgs.builder().bucket(c.s3Bucket()).object("docs/a.txt").build())) {
                assertThat(in.readAllBytes()).isEqualTo(text);
            }
        }

        // When: run.requested is delivered again
        InfraDeployment again = backend.deployInfra(run, 1, ctx);

        // Then: the same sandbox is reported, nothing restarted
        assertThat(again.endpoints()).isEqualTo(deployed.endpoints());
        assertThat(again.output().components().get("postgres").pid())
                .isEqualTo(deployed.output().components().get("postgres").pid());

        // When
        SandboxRecord record = sandbox.reload();
        t0 = System.nanoTime();
        TeardownOutput down = backend.teardown(run, ctx);
        report("teardown(infra)", t0);

        // Then
        assertThat(down.stopped()).containsExactlyInAnyOrder("postgres", "redis", "s3");
        assertAllGone(record, sandbox.dir());
    }

    @Test
    void deploysTheRealStonksJarAndEveryServiceBecomesReady() throws Exception {
        // Given
        Path jar = home().resolve("stonks/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            fail("no stonks build at " + jar + ": the reactor packages stonks before provisioner"
                    + " (./mvnw -B -pl stonks,provisioner -am install), or build it with ./mvnw -B -pl stonks package");
        }
        LocalBackend backend = backend(new StonksTarget());
        String run = "stonks-inttest-stonks";
        RunContext ctx = context(run, "latest", false);
        long t0 = System.nanoTime();
        ctx = ctx.withInfra(backend.deployInfra(run, 1, ctx).endpoints());
        report("infra_deploy", t0);
        SandboxCredentials c = LocalSandbox.open(root(backend), run).credentials();
        // what seed_data does first: the schema
        Flyway.configure().dataSource(c.postgresJdbcUrl(), c.postgresUser(), c.postgresPassword())
                .locations("filesystem:" + home().resolve("infra/migrations")).load().migrate();

        // When
        t0 = System.nanoTime();
        ServicesDeployment services = backend.deployServices(run, 1, ctx);
        report("service_deploy", t0);

        // Then
        assertThat(services.urls()).containsOnlyKeys("query-api", "registry", "risk", "trading");
        assertThat(services.output().build()).isEqualTo(jar.toString());
        for (Map.Entry<String, String> service : services.urls().entrySet()) {
            assertThat(get(service.getValue() + "/q/health/ready")).as(service.getKey()).isEqualTo(200);
            System.out.printf("MEASURED %s ready_s=%.1f%n", service.getKey(),
                    services.output().services().get(service.getKey()).readyS());
        }
        // the credentials reached the services: query-api reads the (empty) companies table
        assertThat(get(services.urls().get("query-api") + "/api/companies")).isEqualTo(200);
        String emitted = Json.tree(services.output()).toString() + Json.tree(ctx.withServices(services.urls()));
        assertThat(emitted).doesNotContain(c.postgresPassword(), c.redisPassword(), c.s3SecretKey());

        // When
        SandboxRecord record = LocalSandbox.open(root(backend), run).reload();
        t0 = System.nanoTime();
        TeardownOutput down = backend.teardown(run, ctx);
        report("teardown(all)", t0);

        // Then
        assertThat(down.stopped()).containsExactlyInAnyOrder("postgres", "redis", "s3", "query-api", "registry",
                "risk", "trading");
        assertAllGone(record, root(backend).resolve(run));
    }

    @Test
    void anUnknownImageTagFailsLikeAnImagePullAndTeardownStillRemovesEverything() {
        // Given
        LocalBackend backend = backend(new StonksTarget());
        String run = "stonks-inttest-badtag";
        RunContext ctx = context(run, "0123abcd", false);
        backend.deployInfra(run, 1, ctx);

        // When / Then
        assertThatThrownBy(() -> backend.deployServices(run, 1, ctx))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo("image_not_found");
                    assertThat(e.getMessage()).isEqualTo("no build for image tag '0123abcd': looked in "
                            + tmp.resolve("builds/0123abcd/quarkus-app/quarkus-run.jar"));
                });
        SandboxRecord record = LocalSandbox.open(root(backend), run).reload();
        backend.teardown(run, ctx);
        assertAllGone(record, root(backend).resolve(run));
    }

    @Test
    void aServiceThatDiesIsNamedWithTheEndOfItsLogAndEveryLaunchedPidWasRecorded() {
        // Given: a build whose "beta" exits at once
        LocalBackend backend = backend(new FakeTarget(Set.of("beta")));
        FakeTarget.installBuild(tmp.resolve("builds"), "v2");
        String run = "stonks-inttest-dies";
        RunContext ctx = context(run, "v2", false);
        backend.deployInfra(run, 1, ctx);

        // When / Then
        assertThatThrownBy(() -> backend.deployServices(run, 1, ctx))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo("service_not_ready");
                    assertThat(e.getMessage()).contains("beta: exited with code 3", "--- last lines of",
                            "fake beta: FATAL cannot connect to the database").doesNotContain("alpha:");
                });
        SandboxRecord record = LocalSandbox.open(root(backend), run).reload();
        assertThat(record.components(ComponentKind.SERVICE)).containsOnlyKeys("alpha", "beta");
        assertThat(record.components().get("alpha").isRunning()).isTrue();

        // When
        TeardownOutput down = backend.teardown(run, ctx);

        // Then
        assertThat(down.stopped()).contains("alpha").doesNotContain("beta");
        assertAllGone(record, root(backend).resolve(run));
    }

    @Test
    void aRedeliveredServiceDeployReportsTheServicesAgainAndAReplayRedeploysThem() {
        // Given
        LocalBackend backend = backend(new FakeTarget(Set.of()));
        FakeTarget.installBuild(tmp.resolve("builds"), "v3");
        String run = "stonks-inttest-replay";
        RunContext ctx = context(run, "v3", false);
        backend.deployInfra(run, 1, ctx);
        ServicesDeployment first = backend.deployServices(run, 1, ctx);
        long alpha = first.output().services().get("alpha").pid();

        // When: the same trigger again, then attempt 2
        ServicesDeployment redelivered = backend.deployServices(run, 1, ctx);
        ServicesDeployment replayed = backend.deployServices(run, 2, ctx);

        // Then
        assertThat(redelivered.output().services().get("alpha").pid()).isEqualTo(alpha);
        assertThat(replayed.output().services().get("alpha").pid()).isNotEqualTo(alpha);
        assertThat(ProcessControl.isAlive(alpha)).isFalse();
        SandboxRecord record = LocalSandbox.open(root(backend), run).reload();
        assertThat(record.components(ComponentKind.SERVICE).values()).allMatch(s -> s.attempt() == 2);
        backend.teardown(run, ctx);
        assertAllGone(record, root(backend).resolve(run));
    }

    @Test
    void aRecycledPidIsNeverSignalled() throws Exception {
        // Given: sandbox.json records a pid that now belongs to an unrelated process (it started later)
        LocalBackend backend = backend(new StonksTarget());
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        leftovers.add(unrelated.pid());
        ProcessIdentity now = ProcessIdentity.ofRunning(unrelated.pid());
        String run = "stonks-inttest-recycled";
        LocalSandbox sandbox = LocalSandbox.create(root(backend), SandboxRecord.create(run, run, "latest", false, 1,
                Instant.now(), Instant.now().plusSeconds(3600)), SandboxSecrets.generate("u", "d", "b"));
        sandbox.update(r -> r.withComponent("redis", new SandboxComponent(ComponentKind.INFRA, now.pid(),
                now.startedAt().minusSeconds(600), now.startTicks() == null ? null : now.startTicks() - 60_000, 6999,
                "redis://127.0.0.1:6999", null, "redis.log", 1, 0.1)));

        // When
        TeardownOutput down = backend.teardown(run, context(run, "latest", false));

        // Then
        assertThat(unrelated.isAlive()).isTrue();
        assertThat(down.stopped()).isEmpty();
        assertThat(down.note()).contains("pid " + now.pid(), "another process");
        assertThat(sandbox.dir()).doesNotExist();
    }

    @Test
    void theReaperStopsAndRemovesOnlyExpiredSandboxesOfThePipeline() throws Exception {
        // Given: a real expired sandbox, a kept one (skip_teardown: 24 h) and a directory that is not ours
        LocalBackend backend = backend(new StonksTarget());
        String expiredRun = "stonks-inttest-expired";
        backend.deployInfra(expiredRun, 1, context(expiredRun, "latest", false));
        SandboxRecord expired = LocalSandbox.open(root(backend), expiredRun).reload();
        LocalSandbox kept = LocalSandbox.create(root(backend), SandboxRecord.create("stonks-inttest-kept",
                "stonks-inttest-kept", "latest", true, 1, Instant.now(), Instant.now().plus(Duration.ofHours(24))),
                SandboxSecrets.generate("u", "d", "b"));
        Path foreign = Files.createDirectories(root(backend).resolve("stonks-inttest-foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Map<String, String> foreignBefore = Trees.snapshot(foreign);

        // When: three hours later
        List<String> reaped = backend.reapExpired(Instant.now().plus(Duration.ofHours(3)));

        // Then
        assertThat(reaped).containsExactly(expiredRun);
        assertAllGone(expired, root(backend).resolve(expiredRun));
        assertThat(kept.dir().resolve(LocalSandbox.MARKER_FILE)).exists();
        assertThat(Trees.snapshot(foreign)).isEqualTo(foreignBefore);
    }

    private LocalBackend backend(TargetSystem target) {
        LocalBackend backend = new LocalBackend(LocalSettings.defaults(home(), tmp.resolve("sandboxes"),
                tmp.resolve("builds")).withServiceReadyTimeout(Duration.ofSeconds(90)), target, Clock.systemUTC());
        backends.add(backend);
        return backend;
    }

    private static Path root(LocalBackend backend) {
        return backend.settings().sandboxRoot();
    }

    private static Path home() {
        return InttestHome.resolve();
    }

    /** No recorded process alive, the directory gone, every recorded port free again. */
    private static void assertAllGone(SandboxRecord record, Path dir) {
        assertThat(record.components()).isNotEmpty();
        record.components().forEach((name, c) -> {
            assertThat(ProcessControl.isAlive(c.pid())).as(name + " pid " + c.pid() + " alive").isFalse();
            assertThat(FreePorts.isFree(c.port())).as(name + " port " + c.port() + " free").isTrue();
        });
        assertThat(dir).doesNotExist();
    }

    private static int get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void report(String what, long t0) {
        System.out.printf("MEASURED %s %.2f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
