package dev.stonks.inttest.localstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSandboxTest {

    private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void createWritesTheMarkerAndPrivateCredentials() throws Exception {
        // Given
        SandboxSecrets secrets = SandboxSecrets.generate("stonks", "stonks", "stonks-documents");

        // When
        LocalSandbox sandbox = LocalSandbox.create(root, record("run-1", "stonks-inttest-a"), secrets);

        // Then
        Path dir = root.resolve("stonks-inttest-a");
        assertThat(sandbox.dir()).isEqualTo(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path credentials = dir.resolve(LocalSandbox.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Files.readString(credentials)).contains("postgres.password=" + secrets.postgresPassword())
                .contains("s3.bucket=stonks-documents");
        JsonNode marker = SandboxJson.MAPPER.readTree(dir.resolve(LocalSandbox.MARKER_FILE).toFile());
        assertThat(marker.path("created_by").asText()).isEqualTo("inttest");
        assertThat(marker.path("run_id").asText()).isEqualTo("run-1");
        assertThat(marker.path("namespace").asText()).isEqualTo("stonks-inttest-a");
        assertThat(marker.path("created_at").asText()).isEqualTo("2025-01-15T12:00:00Z");
        assertThat(marker.path("expires_at").asText()).isEqualTo("2025-01-15T14:00:00Z");
        assertThat(marker.toString()).doesNotContain(secrets.postgresPassword());
    }

    @Test
    void generatedSecretsAreRandomAndNeverPrinted() {
        SandboxSecrets a = SandboxSecrets.generate("u", "d", "b");
        SandboxSecrets b = SandboxSecrets.generate("u", "d", "b");
        assertThat(a.postgresPassword()).hasSize(32).isNotEqualTo(b.postgresPassword()).matches("[A-Za-z0-9]+");
        assertThat(a.s3AccessKey()).hasSize(20).matches("[A-Z0-9]+");
        assertThat(a.toString()).doesNotContain(a.postgresPassword(), a.redisPassword(), a.s3SecretKey(),
                a.s3AccessKey());
    }

    @Test
    void readersGetTypedCredentialsOnceTheInfrastructureIsRecorded() {
        // Given
        SandboxSecrets secrets = SandboxSecrets.generate("stonks", "stonksdb", "bucket-1");
        LocalSandbox created = LocalSandbox.create(root, record("run-1", "stonks-inttest-a"), secrets);
        assertThatThrownBy(() -> LocalSandbox.open(root, "stonks-inttest-a").credentials().postgresJdbcUrl())
                .isInstanceOf(SandboxException.class).hasMessageContaining("no postgres recorded");

        // When
        ProcessIdentity self = ProcessIdentity.ofRunning(ProcessHandle.current().pid());
        created.update(r -> r
                .withComponent(LocalSandbox.POSTGRES, SandboxComponent.of(ComponentKind.INFRA, self, 15432,
                        "postgresql://127.0.0.1:15432/stonksdb", null, root.resolve("pg.log"), 1))
                .withComponent(LocalSandbox.REDIS, SandboxComponent.of(ComponentKind.INFRA, self, 16379,
                        "redis://127.0.0.1:16379", null, root.resolve("redis.log"), 1))
                .withComponent(LocalSandbox.S3, SandboxComponent.of(ComponentKind.INFRA, self, 19000,
                        "http://127.0.0.1:19000", null, root.resolve("s3.log"), 1)));
        SandboxCredentials c = LocalSandbox.open(root, "stonks-inttest-a").credentials();

        // Then
        assertThat(c.postgresJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/stonksdb");
        assertThat(c.postgresUrl()).isEqualTo("postgresql://127.0.0.1:15432/stonksdb");
        assertThat(c.postgresUser()).isEqualTo("stonks");
        assertThat(c.postgresPassword()).isEqualTo(secrets.postgresPassword());
        assertThat(c.redisUri()).isEqualTo("redis://127.0.0.1:16379");
        assertThat(c.redisUriWithPassword()).isEqualTo("redis://:" + secrets.redisPassword() + "@127.0.0.1:16379");
        assertThat(c.s3Endpoint()).hasToString("http://127.0.0.1:19000");
        assertThat(c.s3AccessKey()).isEqualTo(secrets.s3AccessKey());
        assertThat(c.s3SecretKey()).isEqualTo(secrets.s3SecretKey());
        assertThat(c.s3Bucket()).isEqualTo("bucket-1");
        assertThat(c.toString()).doesNotContain(secrets.postgresPassword(), secrets.s3SecretKey());
    }

    @Test
    void aNamespaceIsCreatedOnce() {
        LocalSandbox.create(root, record("run-1", "stonks-inttest-a"), secrets());
        assertThatThrownBy(() -> LocalSandbox.create(root, record("run-2", "stonks-inttest-a"), secrets()))
                .isInstanceOfSatisfying(SandboxException.class,
                        e -> assertThat(e.reason()).isEqualTo(SandboxException.Reason.EXISTS));
        assertThat(LocalSandbox.open(root, "stonks-inttest-a").runId()).isEqualTo("run-1");
    }

    @Test
    void onlyDirectoriesWithTheMarkerOfThePipelineAreOwned() throws Exception {
        // Given
        LocalSandbox.create(root, record("run-1", "stonks-inttest-owned"), secrets());
        Files.createDirectories(root.resolve("stonks-inttest-nomarker"));
        Files.createDirectories(root.resolve("stonks-inttest-other"));
        Files.writeString(root.resolve("stonks-inttest-other/sandbox.json"),
                "{\"created_by\":\"someone\",\"run_id\":\"x\",\"namespace\":\"stonks-inttest-other\","
                        + "\"created_at\":\"2025-01-01T00:00:00Z\",\"expires_at\":\"2025-01-01T00:00:00Z\"}");
        Files.createDirectories(root.resolve("stonks-inttest-garbage"));
        Files.writeString(root.resolve("stonks-inttest-garbage/sandbox.json"), "not json");
        Files.createDirectories(root.resolve("stonks-inttest-moved"));
        Files.copy(root.resolve("stonks-inttest-owned/sandbox.json"), root.resolve("stonks-inttest-moved/sandbox.json"));

        // Then
        assertThat(LocalSandbox.inspect(root, "stonks-inttest-owned")).isInstanceOf(SandboxInspection.Owned.class);
        assertThat(LocalSandbox.inspect(root, "stonks-inttest-none")).isInstanceOf(SandboxInspection.Absent.class);
        assertThat(LocalSandbox.inspect(root, "stonks-inttest-nomarker"))
                .isEqualTo(new SandboxInspection.Foreign(root.resolve("stonks-inttest-nomarker"), "no sandbox.json"));
        assertThat(((SandboxInspection.Foreign) LocalSandbox.inspect(root, "stonks-inttest-other")).why())
                .contains("created_by=someone");
        assertThat(((SandboxInspection.Foreign) LocalSandbox.inspect(root, "stonks-inttest-garbage")).why())
                .contains("not readable");
        assertThat(((SandboxInspection.Foreign) LocalSandbox.inspect(root, "stonks-inttest-moved")).why())
                .contains("names namespace stonks-inttest-owned");
        assertThat(LocalSandbox.list(root)).extracting(LocalSandbox::namespace).containsExactly("stonks-inttest-owned");
        assertThat(LocalSandbox.findByRunId(root, "run-1")).map(LocalSandbox::namespace)
                .contains("stonks-inttest-owned");
        assertThat(LocalSandbox.findByRunId(root, "run-9")).isEmpty();
        assertThatThrownBy(() -> LocalSandbox.open(root, "stonks-inttest-nomarker"))
                .isInstanceOfSatisfying(SandboxException.class,
                        e -> assertThat(e.reason()).isEqualTo(SandboxException.Reason.NOT_OWNED));
        assertThatThrownBy(() -> LocalSandbox.open(root, "../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesEverythingWithoutFollowingLinks() throws Exception {
        // Given
        Path outside = Files.createDirectories(root.resolve("../outside-" + System.nanoTime()).normalize());
        Files.writeString(outside.resolve("keep.txt"), "keep");
        LocalSandbox sandbox = LocalSandbox.create(root, record("run-1", "stonks-inttest-a"), secrets());
        Files.createDirectories(sandbox.componentDir("postgres").resolve("data/base"));
        Files.writeString(sandbox.componentDir("postgres").resolve("data/base/1"), "x");
        Files.createSymbolicLink(sandbox.dir().resolve("link"), outside);

        // When
        try (SandboxLock lock = LocalSandbox.lock(root, "stonks-inttest-a", Duration.ofSeconds(1))) {
            sandbox.delete();
        }

        // Then
        assertThat(sandbox.dir()).doesNotExist();
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
        assertThat(root.resolve(".locks/stonks-inttest-a.lock")).doesNotExist();
        sandbox.delete(); // idempotent
    }

    @Test
    void deleteRefusesWhenTheDirectoryNowBelongsToAnotherRun() throws Exception {
        LocalSandbox stale = LocalSandbox.create(root, record("run-1", "stonks-inttest-a"), secrets());
        Files.delete(stale.dir().resolve(LocalSandbox.MARKER_FILE));
        Files.delete(stale.dir().resolve(LocalSandbox.CREDENTIALS_FILE));
        Files.delete(stale.dir());
        LocalSandbox.create(root, record("run-2", "stonks-inttest-a"), secrets());

        assertThatThrownBy(stale::delete).isInstanceOfSatisfying(SandboxException.class,
                e -> assertThat(e.reason()).isEqualTo(SandboxException.Reason.NOT_OWNED));
        assertThat(root.resolve("stonks-inttest-a/sandbox.json")).exists();
    }

    @Test
    void updateKeepsOwnershipFields() {
        LocalSandbox sandbox = LocalSandbox.create(root, record("run-1", "stonks-inttest-a"), secrets());
        assertThatThrownBy(() -> sandbox.update(r -> SandboxRecord.create("run-2", r.namespace(), "latest", false, 1,
                NOW, NOW))).isInstanceOf(IllegalArgumentException.class);
        assertThat(LocalSandbox.open(root, "stonks-inttest-a").runId()).isEqualTo("run-1");
    }

    @Test
    void theLockIsExclusiveAcrossThreads() throws Exception {
        try (SandboxLock held = SandboxLock.acquire(root, "stonks-inttest-a", Duration.ofSeconds(1))) {
            Optional<SandboxLock> other = CompletableFuture.supplyAsync(
                    () -> SandboxLock.tryAcquire(root, "stonks-inttest-a", Duration.ofMillis(200))).get(5, TimeUnit.SECONDS);
            assertThat(other).isEmpty();
            assertThatThrownBy(() -> SandboxLock.acquire(root, "stonks-inttest-a", Duration.ZERO))
                    .isInstanceOfSatisfying(SandboxException.class,
                            e -> assertThat(e.reason()).isEqualTo(SandboxException.Reason.LOCK_TIMEOUT));
        }
        Optional<SandboxLock> after = CompletableFuture.supplyAsync(
                () -> SandboxLock.tryAcquire(root, "stonks-inttest-a", Duration.ZERO)).get(5, TimeUnit.SECONDS);
        assertThat(after).isPresent();
        after.get().close();
    }

    @Test
    void theRootIsTheEnvironmentVariableElseDotSandboxesInTheHome() {
        assertThat(SandboxRoot.resolve("/tmp/sb", () -> Path.of("/unused"))).isEqualTo(Path.of("/tmp/sb"));
        assertThat(SandboxRoot.resolve("  ", () -> Path.of("/repo"))).isEqualTo(Path.of("/repo/.sandboxes"));
        assertThat(SandboxRoot.resolve(null, () -> Path.of("/repo"))).isEqualTo(Path.of("/repo/.sandboxes"));
    }

    @Test
    void componentsAreFilteredByKind() {
        ProcessIdentity self = ProcessIdentity.ofRunning(ProcessHandle.current().pid());
        SandboxRecord r = record("run-1", "stonks-inttest-a")
                .withComponent("redis", SandboxComponent.of(ComponentKind.INFRA, self, 1, "redis://127.0.0.1:1", null,
                        Path.of("r.log"), 1))
                .withComponent("query-api", SandboxComponent.of(ComponentKind.SERVICE, self, 2,
                        "http://127.0.0.1:2", null, Path.of("q.log"), 2));
        assertThat(r.components(ComponentKind.SERVICE)).containsOnlyKeys("query-api");
        assertThat(r.withoutComponents(c -> c.kind() == ComponentKind.SERVICE).components()).containsOnlyKeys("redis");
        assertThat(List.copyOf(r.components().keySet())).containsExactly("query-api", "redis");
    }

    private static SandboxRecord record(String runId, String namespace) {
        return SandboxRecord.create(runId, namespace, "latest", false, 1, NOW, NOW.plus(Duration.ofHours(2)));
    }

    private static SandboxSecrets secrets() {
        return SandboxSecrets.generate("stonks", "stonks", "stonks-documents");
    }
}
