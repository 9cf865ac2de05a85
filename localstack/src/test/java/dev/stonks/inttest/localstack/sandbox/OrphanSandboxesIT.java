package dev.stonks.inttest.localstack.sandbox;

import static dev.stonks.inttest.localstack.stack.Sleepers.alive;
import static dev.stonks.inttest.localstack.stack.Sleepers.recycled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.localstack.stack.Sleepers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandboxes whose owner is dead are removed through the teardown path; decoys are not touched: a directory without
 * sandbox.json, a sandbox.json of another creator, a live owner, no owner, skip_teardown with a dead owner, and a
 * recorded pid recycled by another process (that process is left alone while the sandbox goes).
 */
class OrphanSandboxesIT {
    @TempDir
    Path root;
    @RegisterExtension
    final Sleepers sleepers = new Sleepers();

    @Test
    void removesTheSandboxesOfDeadOwnersAndNothingElse() throws Exception {
        ProcessIdentity deadOwner = sleepers.dead("owner");
        ProcessIdentity orphanRedis = sleepers.sleeper("orphan-redis");
        sandbox("stonks-inttest-orphan", deadOwner, false, orphanRedis);
        ProcessIdentity decoy = sleepers.sleeper("decoy");
        sandbox("stonks-inttest-recycled", deadOwner, false, recycled(decoy));
        ProcessIdentity keptRedis = sleepers.sleeper("kept-redis");
        sandbox("stonks-inttest-kept", deadOwner, true, keptRedis);
        ProcessIdentity liveRedis = sleepers.sleeper("live-redis");
        sandbox("stonks-inttest-live", sleepers.sleeper("live-owner"), false, liveRedis);
        ProcessIdentity unownedRedis = sleepers.sleeper("unowned-redis");
        sandbox("stonks-inttest-unowned", null, false, unownedRedis);
        Path foreign = Files.createDirectories(root.resolve("stonks-inttest-foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "someone's");
        Path other = Files.createDirectories(root.resolve("stonks-inttest-other"));
        Files.writeString(other.resolve(LocalSandbox.MARKER_FILE), SandboxJson.MAPPER.writeValueAsString(
                new SandboxRecord("someone-else", 1, "run-other", "stonks-inttest-other", "latest", false, 1,
                        Instant.now(), Instant.now().plusSeconds(3600), Map.of(), deadOwner)));

        assertThat(OrphanSandboxes.find(root)).containsExactlyInAnyOrder("stonks-inttest-orphan",
                "stonks-inttest-recycled");

        assertThat(OrphanSandboxes.reap(root, Duration.ofSeconds(2))).containsExactlyInAnyOrder(
                "stonks-inttest-orphan", "stonks-inttest-recycled");

        assertThat(root.resolve("stonks-inttest-orphan")).doesNotExist();
        assertThat(alive(orphanRedis)).isFalse();
        assertThat(root.resolve("stonks-inttest-recycled")).doesNotExist();
        assertThat(alive(decoy)).as("a recycled pid is never signalled").isTrue();
        assertThat(root.resolve("stonks-inttest-kept")).exists();
        assertThat(alive(keptRedis)).isTrue();
        assertThat(root.resolve("stonks-inttest-live")).exists();
        assertThat(alive(liveRedis)).isTrue();
        assertThat(root.resolve("stonks-inttest-unowned")).exists();
        assertThat(alive(unownedRedis)).isTrue();
        assertThat(foreign.resolve("notes.txt")).exists();
        assertThat(other.resolve(LocalSandbox.MARKER_FILE)).exists();
        assertThat(OrphanSandboxes.reap(root, Duration.ofSeconds(2))).as("a second pass").isEmpty();
    }

    @Test
    void theOwnerIsWrittenToSandboxJsonAndReadBack() throws Exception {
        ProcessIdentity owner = OwnerEnvironment.read(Map.of(OwnerEnvironment.PID, "4242",
                OwnerEnvironment.START_TICKS, "123456")).orElseThrow();
        sandbox("stonks-inttest-owned", owner, false, sleepers.sleeper("redis"));

        String json = Files.readString(root.resolve("stonks-inttest-owned").resolve(LocalSandbox.MARKER_FILE));
        assertThat(LocalSandbox.open(root, "stonks-inttest-owned").record().owner()).isEqualTo(owner);
        assertThat(json).doesNotContain("orphan");
        assertThat(SandboxJson.MAPPER.readTree(json).get("owner").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("pid", "started_at", "start_ticks");
        sandbox("stonks-inttest-unowned", null, false, sleepers.sleeper("redis2"));
        assertThat(Files.readString(root.resolve("stonks-inttest-unowned").resolve(LocalSandbox.MARKER_FILE)))
                .doesNotContain("owner");
    }

    @Test
    void anIncompleteOwnerEnvironmentMeansNoOwner() {
        assertThat(OwnerEnvironment.read(Map.of())).isEmpty();
        assertThat(OwnerEnvironment.read(Map.of(OwnerEnvironment.PID, "12"))).isEmpty();
        assertThat(OwnerEnvironment.read(Map.of(OwnerEnvironment.PID, "x", OwnerEnvironment.START_TICKS, "1")))
                .isEmpty();
    }

    private void sandbox(String namespace, ProcessIdentity owner, boolean skipTeardown, ProcessIdentity redis)
            throws Exception {
        Instant now = Instant.now();
        SandboxRecord record = SandboxRecord.create("run-" + namespace.substring("stonks-inttest-".length()),
                namespace, "latest", skipTeardown, 1, now, now.plusSeconds(3600)).withOwner(owner);
        LocalSandbox sandbox = LocalSandbox.create(root, record, SandboxSecrets.generate("stonks", "stonks", "b"));
        Files.createDirectories(sandbox.componentDir(LocalSandbox.REDIS));
        sandbox.update(r -> r.withComponent(LocalSandbox.REDIS, SandboxComponent.of(ComponentKind.INFRA, redis, 6379,
                "redis://127.0.0.1:6379", null, sandbox.componentDir(LocalSandbox.REDIS).resolve("redis.log"), 1)));
    }
}
