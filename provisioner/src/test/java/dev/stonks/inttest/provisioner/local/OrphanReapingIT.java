package dev.stonks.inttest.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackRecord;
import dev.stonks.inttest.provisioner.target.StonksTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioner's start-up pass over what dead owners left, with real processes: a stack and a sandbox of a dead
 * owner go; a skip-teardown sandbox of the same owner and a sandbox whose owner lives stay.
 */
class OrphanReapingIT {
    @TempDir
    Path tmp;
    private final List<Process> started = new ArrayList<>();
    private LocalBackend backend;

    @AfterEach
    void tearDown() {
        if (backend != null) {
            backend.close();
        }
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void removesTheStacksAndSandboxesOfDeadOwnersOnly() throws Exception {
        Path root = tmp.resolve("sandboxes");
        backend = new LocalBackend(LocalSettings.defaults(tmp, root, tmp.resolve("builds")), new StonksTarget(),
                Clock.systemUTC(), Optional.of(sleeper()));
        ProcessIdentity dead = dead();
        ProcessIdentity orphanRedis = sleeper();
        sandbox(root, "stonks-inttest-orphan", dead, false, orphanRedis);
        ProcessIdentity keptRedis = sleeper();
        sandbox(root, "stonks-inttest-kept", dead, true, keptRedis);
        ProcessIdentity liveRedis = sleeper();
        sandbox(root, "stonks-inttest-live", sleeper(), false, liveRedis);
        ProcessIdentity stackService = sleeper();
        Path stack = StackFile.stacksRoot(tmp).resolve("run-1");
        Files.createDirectories(stack.resolve("kafka/data"));
        StackFile.write(stack, StackRecord.create("run-1", dead, Instant.now()).with(null,
                List.of(new StackRecord.Service("seeder", stackService, 8080, 0)), null, Instant.now()));

        assertThat(backend.reapDeadStacks()).containsExactly(stack.toString());
        assertThat(backend.reapOrphans()).containsExactly("stonks-inttest-orphan");

        assertThat(stackService.isRunning()).isFalse();
        assertThat(stack.resolve("kafka")).doesNotExist();
        assertThat(orphanRedis.isRunning()).isFalse();
        assertThat(root.resolve("stonks-inttest-orphan")).doesNotExist();
        assertThat(keptRedis.isRunning()).isTrue();
        assertThat(root.resolve("stonks-inttest-kept")).exists();
        assertThat(liveRedis.isRunning()).isTrue();
        assertThat(root.resolve("stonks-inttest-live")).exists();
    }

    private void sandbox(Path root, String namespace, ProcessIdentity owner, boolean skipTeardown,
            ProcessIdentity redis) {
        Instant now = Instant.now();
        LocalSandbox sandbox = LocalSandbox.create(root, SandboxRecord.create("run-" + namespace.substring(15),
                namespace, "latest", skipTeardown, 1, now, now.plusSeconds(3600)).withOwner(owner),
                SandboxSecrets.generate("stonks", "stonks", "b"));
        sandbox.update(r -> r.withComponent(LocalSandbox.REDIS, SandboxComponent.of(ComponentKind.INFRA, redis, 6379,
                "redis://127.0.0.1:6379", null, sandbox.componentDir(LocalSandbox.REDIS).resolve("redis.log"), 1)));
    }

    private ProcessIdentity sleeper() {
        Process process = ProcessControl.start(List.of("sleep", "300"), tmp.resolve("logs/sleep.log"));
        started.add(process);
        return ProcessIdentity.ofRunning(process.pid());
    }

    private ProcessIdentity dead() {
        ProcessIdentity identity = sleeper();
        ProcessControl.signal(identity.pid(), "KILL");
        ProcessControl.awaitExit(identity.pid(), Duration.ofSeconds(5));
        return identity;
    }
}
