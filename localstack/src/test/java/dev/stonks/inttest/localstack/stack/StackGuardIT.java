package dev.stonks.inttest.localstack.stack;

import static dev.stonks.inttest.localstack.stack.Sleepers.alive;
import static dev.stonks.inttest.localstack.stack.Sleepers.recycled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard script with a fake owner and fake stack processes (real {@code sleep} and {@code bash} processes). */
class StackGuardIT {
    @TempDir
    Path tmp;
    private Sleepers sleepers;
    private Path stackDir;
    private Process guard;

    @BeforeEach
    void setUp() throws Exception {
        sleepers = new Sleepers(tmp.resolve("logs"));
        stackDir = tmp.resolve("stacks/run-1");
        Files.createDirectories(stackDir.resolve("kafka/data"));
        Files.writeString(stackDir.resolve("kafka/data/segment"), "data");
    }

    @AfterEach
    void tearDown() {
        if (guard != null) {
            guard.destroyForcibly();
        }
        sleepers.close();
    }

    @Test
    void whenTheOwnerDiesTheServicesGetTheirGraceThenWhatIsLeftIsStoppedAndTheBrokerDataDeleted() throws Exception {
        ProcessIdentity owner = sleepers.sleeper("owner");
        // a service that exits on its own once its owner is gone (as the pipeline services do)
        ProcessIdentity polite = sleepers.start("polite", List.of("bash", "-c",
                "while kill -0 " + owner.pid() + " 2>/dev/null; do sleep 0.2; done; sleep 1"));
        ProcessIdentity stubborn = sleepers.sleeper("stubborn");
        ProcessIdentity kafka = sleepers.sleeper("kafka");
        ProcessIdentity decoy = sleepers.sleeper("decoy");
        ProcessIdentity artifacts = sleepers.sleeper("artifacts");
        StackFile.write(stackDir, StackRecord.create("run-1", owner, Instant.now()).with(
                new StackRecord.Kafka(kafka, 9092, 9093, stackDir.resolve("kafka/data").toString(), 0),
                List.of(service("polite", polite), service("stubborn", stubborn),
                        service("recycled", recycled(decoy))), null, Instant.now()).withComponents(List.of(
                                new StackRecord.Component("artifacts", artifacts, 9000, stackDir.resolve(
                                        "components/artifacts/data").toString(), 0)), Instant.now()));
        Files.createDirectories(stackDir.resolve("components/artifacts/data"));
        guard = StackGuard.start(stackDir, owner, Duration.ofSeconds(3));

        long killedAt = System.nanoTime();
        ProcessControl.signal(owner.pid(), "KILL");
        await().atMost(Duration.ofSeconds(20)).until(() -> !guard.isAlive());
        long seconds = (System.nanoTime() - killedAt) / 1_000_000_000;

        String log = ProcessControl.tail(stackDir.resolve("logs/guard.log"), 50);
        assertThat(guard.exitValue()).as(log).isZero();
        assertThat(seconds).as("the grace is 3 s").isBetween(2L, 12L);
        assertThat(alive(polite)).isFalse();
        assertThat(alive(stubborn)).isFalse();
        assertThat(alive(kafka)).isFalse();
        assertThat(alive(artifacts)).isFalse();
        assertThat(alive(decoy)).as("a recycled pid is never signalled").isTrue();
        assertThat(stackDir.resolve("kafka")).doesNotExist();
        assertThat(stackDir.resolve("components")).doesNotExist();
        assertThat(StackFile.isClosed(stackDir)).isTrue();
        assertThat(log).contains("SIGKILL stubborn").contains("stopping kafka", "stopping artifacts").doesNotContain("SIGKILL polite")
                .doesNotContain("recycled");
    }

    @Test
    void aClosedStackEndsItsGuardAtOnceAndTouchesNothing() {
        ProcessIdentity owner = sleepers.sleeper("owner");
        ProcessIdentity service = sleepers.sleeper("service");
        StackFile.write(stackDir, StackRecord.create("run-1", owner, Instant.now()).with(null,
                List.of(service("service", service)), null, Instant.now()));
        guard = StackGuard.start(stackDir, owner, Duration.ofSeconds(60));

        StackFile.markClosed(stackDir);
        await().atMost(Duration.ofSeconds(5)).until(() -> !guard.isAlive());

        assertThat(alive(owner)).isTrue();
        assertThat(alive(service)).isTrue();
        assertThat(stackDir.resolve("kafka/data/segment")).exists();
    }

    @Test
    void aGuardKilledWithTheStackLeavesEverythingAsItWas() {
        ProcessIdentity owner = sleepers.sleeper("owner");
        ProcessIdentity service = sleepers.sleeper("service");
        StackFile.write(stackDir, StackRecord.create("run-1", owner, Instant.now()).with(null,
                List.of(service("service", service)), null, Instant.now()));
        guard = StackGuard.start(stackDir, owner, Duration.ofSeconds(60));

        guard.destroy();
        await().atMost(Duration.ofSeconds(5)).until(() -> !guard.isAlive());

        assertThat(alive(service)).isTrue();
        assertThat(stackDir.resolve("kafka/data/segment")).exists();
    }

    private static StackRecord.Service service(String name, ProcessIdentity process) {
        return new StackRecord.Service(name, process, 8080, 0);
    }
}
