package dev.stonks.inttest.provisioner.local;

import static dev.stonks.inttest.provisioner.testing.Events.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import dev.stonks.inttest.provisioner.target.StonksTarget;
import dev.stonks.inttest.provisioner.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend's decisions that need no running component: ownership, refusals, idempotence, the reaper. */
class LocalBackendTest {
    private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
    private static final long DEAD_PID = Integer.MAX_VALUE - 1;

    @TempDir
    Path tmp;
    private Path root;
    private LocalBackend backend;

    @BeforeEach
    void setUp() {
        root = tmp.resolve("sandboxes");
        backend = new LocalBackend(LocalSettings.defaults(tmp, root, tmp.resolve("builds")), new StonksTarget(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        backend.close();
    }

    @Test
    void teardownRefusesADirectoryWithoutTheMarkerAndLeavesItUntouched() throws Exception {
        // Given: a directory where the run's sandbox would be, made by someone else
        Path dir = Files.createDirectories(root.resolve("stonks-inttest-foreign/data"));
        Files.writeString(dir.resolve("precious.txt"), "do not delete");
        Map<String, String> before = Trees.snapshot(root.resolve("stonks-inttest-foreign"));

        // When / Then
        assertThatThrownBy(() -> backend.teardown("stonks-inttest-foreign",
                context("stonks-inttest-foreign", "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo("not_owned");
                    assertThat(e.getMessage()).contains("no sandbox.json", "left untouched");
                });
        assertThat(Trees.snapshot(root.resolve("stonks-inttest-foreign"))).isEqualTo(before);
    }

    @Test
    void teardownRefusesTheSandboxOfAnotherRun() {
        // Given
        sandbox("other-run", "stonks-inttest-shared", NOW.plusSeconds(3600), false);

        // When / Then
        assertThatThrownBy(() -> backend.teardown("my-run", new RunContext("latest", "stonks-inttest-shared", false, 1,
                "local", null, null)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo("not_owned");
                    assertThat(e.getMessage()).contains("belongs to run other-run");
                });
        assertThat(LocalSandbox.open(root, "stonks-inttest-shared").runId()).isEqualTo("other-run");
    }

    @Test
    void teardownRemovesTheRunsSandboxAndIsIdempotent() {
        // Given: an owned sandbox whose recorded process has long exited
        LocalSandbox sandbox = sandbox("stonks-inttest-a", "stonks-inttest-a", NOW.plusSeconds(3600), false);
        RunContext ctx = context("stonks-inttest-a", "latest", false);

        // When
        TeardownOutput first = backend.teardown("stonks-inttest-a", ctx);
        TeardownOutput second = backend.teardown("stonks-inttest-a", ctx);

        // Then
        assertThat(sandbox.dir()).doesNotExist();
        assertThat(first.stopped()).isEmpty();
        assertThat(first.removed()).containsExactly(sandbox.dir().toString());
        assertThat(second.removed()).isEmpty();
        assertThat(second.note()).contains("already removed");
    }

    @Test
    void infraDeployRefusesANamespaceHeldByAnotherRunOrByAForeignDirectory() throws Exception {
        // Given
        sandbox("other-run", "stonks-inttest-taken", NOW.plusSeconds(3600), false);
        Files.createDirectories(root.resolve("stonks-inttest-foreign"));

        // Then
        assertThatThrownBy(() -> backend.deployInfra("stonks-inttest-taken", 1,
                context("stonks-inttest-taken", "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo("namespace_in_use");
                    assertThat(e.getMessage()).contains("in use by run other-run");
                });
        assertThatThrownBy(() -> backend.deployInfra("stonks-inttest-foreign", 1,
                context("stonks-inttest-foreign", "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo("namespace_in_use"));
        assertThat(root.resolve("stonks-inttest-foreign")).isEmptyDirectory();
    }

    @Test
    void serviceDeployNeedsTheRunsSandboxAndABuildOfTheTag() {
        assertThatThrownBy(() -> backend.deployServices("stonks-inttest-b", 1,
                context("stonks-inttest-b", "latest", false)))
                .isInstanceOfSatisfying(StageFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo("sandbox_missing"));

        sandbox("stonks-inttest-b", "stonks-inttest-b", NOW.plusSeconds(3600), false);
        assertThatThrownBy(() -> backend.deployServices("stonks-inttest-b", 1,
                context("stonks-inttest-b", "no-such-tag", false)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo("image_not_found");
                    assertThat(e.getMessage()).startsWith("no build for image tag 'no-such-tag': looked in "
                            + tmp.resolve("builds/no-such-tag/quarkus-app/quarkus-run.jar"));
                });
    }

    @Test
    void theRunsContextIsFoundBackFromSandboxJson() {
        sandbox("stonks-inttest-c", "stonks-inttest-c", NOW.plusSeconds(3600), true);

        RunContext ctx = backend.findRun("stonks-inttest-c").orElseThrow();

        assertThat(ctx.namespace()).isEqualTo("stonks-inttest-c");
        assertThat(ctx.imageTag()).isEqualTo("latest");
        assertThat(ctx.skipTeardown()).isTrue();
        assertThat(ctx.infra()).containsEntry("redis", "redis://127.0.0.1:6390");
        assertThat(backend.findRun("no-such-run")).isEmpty();
    }

    @Test
    void theReaperRemovesOnlyExpiredSandboxesOfThePipeline() throws Exception {
        // Given
        LocalSandbox expired = sandbox("run-old", "stonks-inttest-old", NOW.minusSeconds(1), false);
        LocalSandbox fresh = sandbox("run-new", "stonks-inttest-new", NOW.plusSeconds(60), false);
        Path foreign = Files.createDirectories(root.resolve("stonks-inttest-foreign"));
        Files.writeString(foreign.resolve("sandbox.json"), "{\"created_by\":\"someone-else\"}");

        // When
        var reaped = backend.reapExpired(NOW);

        // Then
        assertThat(reaped).containsExactly("stonks-inttest-old");
        assertThat(expired.dir()).doesNotExist();
        assertThat(fresh.dir()).exists();
        assertThat(foreign.resolve("sandbox.json")).exists();
        assertThat(backend.reapExpired(NOW.plus(Duration.ofMinutes(2)))).containsExactly("stonks-inttest-new");
    }

    private LocalSandbox sandbox(String runId, String namespace, Instant expiresAt, boolean skipTeardown) {
        LocalSandbox sandbox = LocalSandbox.create(root, SandboxRecord.create(runId, namespace, "latest",
                skipTeardown, 1, NOW.minusSeconds(7200), expiresAt), SandboxSecrets.generate("u", "d", "b"));
        sandbox.update(r -> r.withComponent("redis", new SandboxComponent(ComponentKind.INFRA, DEAD_PID,
                Instant.now(), null, 6390, "redis://127.0.0.1:6390", null, "redis.log", 1, 0.2)));
        return sandbox;
    }
}
