package dev.stonks.inttest.localstack.stack;

import static dev.stonks.inttest.localstack.stack.Sleepers.alive;
import static dev.stonks.inttest.localstack.stack.Sleepers.recycled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stacks of dead owners are removed; decoys (foreign, other creator, live owner, recycled pid, closed) are not. */
class StackReaperIT {
    @TempDir
    Path root;
    @RegisterExtension
    final Sleepers sleepers = new Sleepers();

    @Test
    void removesOnlyStacksWhoseOwnerIsDeadAndOnlyTheirOwnProcesses() throws Exception {
        ProcessIdentity provisioner = sleepers.sleeper("provisioner");
        ProcessIdentity kafka = sleepers.sleeper("kafka");
        ProcessIdentity guard = sleepers.sleeper("guard");
        ProcessIdentity decoy = sleepers.sleeper("decoy");
        ProcessIdentity historyDb = sleepers.sleeper("history-db");
        Path dead = stack("dead", sleepers.dead("dead-owner"), List.of(service("provisioner", provisioner),
                service("seeder", recycled(decoy))), kafka, guard);
        StackFile.write(dead, StackFile.read(dead).orElseThrow().withComponents(List.of(new StackRecord.Component(
                "history-db", historyDb, 5432, dead.resolve("components/history-db/data").toString(), 0)),
                Instant.now()));
        Files.createDirectories(dead.resolve("components/history-db/data"));
        assertThat(Files.readString(dead.resolve(StackFile.PIDS))).contains("component history-db "
                + historyDb.pid() + " " + historyDb.startTicks());

        ProcessIdentity liveService = sleepers.sleeper("live-service");
        Path live = stack("live", sleepers.sleeper("live-owner"), List.of(service("reporter", liveService)), null,
                null);

        ProcessIdentity foreignService = sleepers.sleeper("foreign-service");
        Path other = root.resolve("other");
        StackFile.write(other, new StackRecord("someone-else", 1, "other", sleepers.dead("other-owner"),
                Instant.now(), Instant.now(), null, List.of(service("tester", foreignService)), null));
        Files.createDirectories(other.resolve("kafka/data"));

        ProcessIdentity closedService = sleepers.sleeper("closed-service");
        Path closed = stack("closed", sleepers.dead("closed-owner"), List.of(service("profiler", closedService)),
                null, null);
        StackFile.markClosed(closed);

        Path foreign = root.resolve("foreign");
        Files.createDirectories(foreign.resolve("kafka/data"));
        Files.writeString(foreign.resolve("kafka/data/keep"), "not the pipeline's");

        List<StackReaper.Reaped> reaped = new StackReaper(Duration.ofSeconds(2)).reapDead(root);

        assertThat(reaped).extracting(StackReaper.Reaped::dir).containsExactly(dead);
        assertThat(reaped.get(0).stopped()).containsExactlyInAnyOrder("guard", "provisioner", "kafka", "history-db");
        assertThat(alive(historyDb)).isFalse();
        assertThat(dead.resolve("components")).doesNotExist();
        assertThat(alive(provisioner)).isFalse();
        assertThat(alive(kafka)).isFalse();
        assertThat(alive(guard)).isFalse();
        assertThat(dead.resolve("kafka")).doesNotExist();
        assertThat(StackFile.isClosed(dead)).isTrue();

        assertThat(alive(decoy)).as("a recycled pid is never signalled").isTrue();
        assertThat(alive(liveService)).as("a stack with a live owner").isTrue();
        assertThat(live.resolve("kafka/data")).exists();
        assertThat(alive(foreignService)).as("a stack.json of another creator").isTrue();
        assertThat(other.resolve("kafka/data")).exists();
        assertThat(alive(closedService)).as("a closed stack").isTrue();
        assertThat(foreign.resolve("kafka/data/keep")).exists();

        assertThat(new StackReaper(Duration.ofSeconds(2)).reapDead(root)).as("a second pass").isEmpty();
    }

    @Test
    void aMissingStacksRootIsNothingToReap() {
        assertThat(new StackReaper(Duration.ofSeconds(1)).reapDead(root.resolve("nowhere"))).isEmpty();
    }

    private Path stack(String name, ProcessIdentity owner, List<StackRecord.Service> services, ProcessIdentity kafka,
            ProcessIdentity guard) throws Exception {
        Path dir = root.resolve(name);
        Files.createDirectories(dir.resolve("kafka/data"));
        StackRecord record = StackRecord.create(name, owner, Instant.now()).with(kafka == null ? null
                : new StackRecord.Kafka(kafka, 9092, 9093, dir.resolve("kafka/data").toString(), 0), services, guard,
                Instant.now());
        StackFile.write(dir, record);
        return dir;
    }

    private static StackRecord.Service service(String name, ProcessIdentity process) {
        return new StackRecord.Service(name, process, 8080, 0);
    }
}
