package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident stack on real processes, through {@code bin/inttest} as a developer uses it: up, status, up again, a
 * run that attaches, down (nothing left, Kafka's data kept), up again with the earlier run still on the topics, down.
 * It uses its own resident directory ({@code INTTEST_RESIDENT_DIR}), so a developer's resident stack is not touched.
 */
class ResidentStackIT {
    private static final Path HOME = Path.of(System.getProperty("inttest.home"));

    @TempDir
    Path tmp;

    private String residentName;
    private Path residentDir;

    @BeforeEach
    void residentDirectoryOfItsOwn() {
        residentName = "resident-it-" + HexFormat.of().formatHex(randomBytes());
        residentDir = HOME.resolve(".inttest").resolve(residentName);
        // bin/inttest builds on first use: this test needs the build done, never starts one
        for (String m : List.of("provisioner", "seeder", "tester", "profiler", "reporter", "gateway", "promoter",
                "stonks")) {
            assertThat(HOME.resolve(m + "/target/quarkus-app/quarkus-run.jar")).as("built").isRegularFile();
        }
        assertThat(HOME.resolve("cli/target/inttest-cli.jar")).isRegularFile();
        assertThat(HOME.resolve("localstack/target/runtime/kafka")).isDirectory();
    }

    @AfterEach
    void downAndRemoveTheDirectory() throws Exception {
        inttest(Duration.ofMinutes(3), "down");
        if (Files.isDirectory(residentDir)) {
            try (Stream<Path> walk = Files.walk(residentDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void upStatusRunAttachedDownAndUpAgainWithTheEventsKept() throws Exception {
        // up: returns once ready
        Result up = inttest(Duration.ofMinutes(4), "up");
        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(up.output()).contains("resident stack: up in", "reporter: http://127.0.0.1:");
        ResidentStack.Resident resident = ResidentStack.read(residentDir).orElseThrow();
        assertThat(resident.ready()).isTrue();

        // status --json: seven services, all ready
        Result status = inttest(Duration.ofSeconds(60), "status", "--json");
        assertThat(status.exit()).as(status.output()).isZero();
        JsonNode doc = Json.MAPPER.readTree(status.output());
        assertThat(doc.get("stack").asText()).isEqualTo("resident");
        assertThat(doc.get("bootstrap_servers").asText()).isEqualTo(resident.bootstrapServers());
        assertThat(doc.get("services")).hasSize(7);
        doc.get("services").forEach(s -> assertThat(s.get("ready").asBoolean()).as(s.toString()).isTrue());
        assertThat(doc.get("runs_in_flight").isArray()).isTrue();

        // up again: says where it is, starts nothing
        Result again = inttest(Duration.ofSeconds(60), "up");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("already up (daemon pid " + resident.pid(),
                resident.reporterUrl());

        // a run attaches: no stack of its own, the same results file as a one-shot run
        String namespace = "stonks-inttest-rsit-" + HexFormat.of().formatHex(randomBytes());
        Path results = tmp.resolve("r.json");
        Result run = inttest(Duration.ofMinutes(6), "run", "--namespace", namespace, "--results-file",
                results.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("stack: attached to the resident stack (pid " + resident.pid() + ", kafka "
                + resident.bootstrapServers() + ")");
        assertThat(run.output()).doesNotContain("kafka ready on", "services ready");
        assertThat(HOME.resolve(".inttest/stacks").resolve(namespace)).doesNotExist();
        JsonNode r = Json.MAPPER.readTree(Files.readString(results));
        assertThat(r.get("run_id").asText()).isEqualTo(namespace);
        assertThat(r.get("exit_code").asInt()).isZero();
        assertThat(RunCommand.pageFor(results)).isRegularFile();

        // down: the daemon and every process of stack.json are gone; Kafka's data stays
        StackRecord stack = StackFile.read(ResidentStack.stackDir(residentDir)).orElseThrow();
        List<ProcessIdentity> processes = new ArrayList<>();
        stack.services().forEach(s -> processes.add(s.process()));
        processes.add(stack.kafka().process());
        processes.add(stack.guard());
        processes.add(new ProcessIdentity(resident.pid(), null, resident.startTicks()));
        Result down = inttest(Duration.ofMinutes(3), "down");
        assertThat(down.exit()).as(down.output()).isZero();
        assertThat(down.output()).contains("resident stack: down in", "no process of it is left");
        assertThat(processes).as("processes of the stack still running").noneMatch(ProcessIdentity::isRunning);
        assertThat(ResidentStack.kafkaDir(residentDir).resolve("data")).isDirectory();
        Result after = inttest(Duration.ofSeconds(60), "status");
        assertThat(after.exit()).as(after.output()).isEqualTo(ResidentCommands.NOT_UP);
        assertThat(after.output()).contains("resident stack: not up");

        // up again: the first run's verdict is still on the topic
        Result up2 = inttest(Duration.ofMinutes(4), "up");
        assertThat(up2.exit()).as(up2.output()).isZero();
        ResidentStack.Resident second = ResidentStack.read(residentDir).orElseThrow();
        assertThat(second.pid()).isNotEqualTo(resident.pid());
        assertThat(TopicReader.readAll(second.bootstrapServers(), Topics.VERDICTS, Duration.ofSeconds(30)))
                .anyMatch(record -> namespace.equals(record.key()));

        Result down2 = inttest(Duration.ofMinutes(3), "down");
        assertThat(down2.exit()).as(down2.output()).isZero();
        Result downAgain = inttest(Duration.ofSeconds(60), "down");
        assertThat(downAgain.exit()).isZero();
        assertThat(downAgain.output()).contains("resident stack: not up");
    }

    private record Result(int exit, String output) {
    }

    /** {@code bin/inttest ARGS} with this test's resident directory; its output (stdout and stderr). */
    private Result inttest(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", HOME.resolve("bin/inttest").toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(tmp, "inttest-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(Map.of(ResidentStack.DIR_ENV, residentName,
                RunCommand.SANDBOX_ROOT_ENV, tmp.resolve("sandboxes").toString()));
        builder.environment().remove(RunOptions.BACKEND_ENV);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/inttest " + String.join(" ", args) + " did not finish within " + timeout
                    + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[inttest " + String.join(" ", args) + "] exit " + process.exitValue() + "\n" + printed);
        return new Result(process.exitValue(), printed);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[3];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
