package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ResultsSchema;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on real processes, the CLI as run_pipeline.sh runs it (a child JVM of the packaged CLI): a service killed
 * mid-stage, Ctrl-C on the CLI, a stage whose service is gone for good. The rest of the cases are bench/faults.sh.
 */
class FaultsIT {
    private static final Path HOME = Path.of(System.getProperty("inttest.home"));

    @TempDir
    Path tmp;

    @Test
    void aTesterKilledMidStageIsRestartedGetsItsTriggerAgainAndTheRunCompletes() throws Exception {
        // Given: a run whose integration_tests are under way
        Cli cli = Cli.start(tmp, namespace(), Map.of());
        cli.awaitLine("integration_tests +started", Duration.ofMinutes(5));
        Thread.sleep(1500);
        StackRecord stack = cli.stack();

        // When: the tester dies mid-stage
        ProcessControl.signal(pid(stack, "tester"), "KILL");

        // Then: its trigger (service_deploy ok) is not committed while the stage is unfinished ...
        String bootstrap = "127.0.0.1:" + stack.kafka().port();
        Trigger trigger = trigger(bootstrap, cli.namespace);
        assertThat(committed(bootstrap, "inttest-tester", trigger.partition()))
                .as("the tester's committed offset must not pass its unfinished trigger at " + trigger)
                .isLessThanOrEqualTo(trigger.offset());
        // ... the stack restarts it, it redoes the stage, the run ends as a clean one would
        int exit = cli.awaitExit(Duration.ofMinutes(6));
        JsonNode results = cli.results();
        assertThat(exit).as(cli.printed()).isZero();
        assertThat(cli.printed()).contains("stack: tester exited");
        assertThat(results.at("/tests/total").asInt()).isGreaterThan(100);
        assertThat(results.at("/tests/passed").asInt()).isEqualTo(results.at("/tests/total").asInt());
        assertThat(results.at("/stages/integration_tests/status").asText()).isEqualTo("ok");
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
        cli.assertNothingLeft(Duration.ofSeconds(60));
    }

    @Test
    void ctrlCCancelsTheRunTearsDownWritesTheResultsAndExits130() throws Exception {
        Cli cli = Cli.start(tmp, namespace(), Map.of());
        cli.awaitLine("integration_tests +started", Duration.ofMinutes(5));
        Thread.sleep(1500);

        ProcessControl.signal(cli.process.pid(), "INT");
        long t0 = System.nanoTime();
        int exit = cli.awaitExit(Duration.ofSeconds(90));

        assertThat(exit).as(cli.printed()).isEqualTo(130);
        assertThat((System.nanoTime() - t0) / 1e9).as("exit within 60 s of Ctrl-C").isLessThan(60);
        JsonNode results = cli.results();
        assertThat(results.get("exit_code").asInt()).isEqualTo(2);
        assertThat(results.at("/cancelled/by").asText()).startsWith("cli:");
        assertThat(results.at("/cancelled/reason").asText()).contains("SIGINT");
        assertThat(results.at("/stages/integration_tests/status").asText()).isEqualTo("failed");
        assertThat(results.at("/stages/integration_tests/error/kind").asText()).isEqualTo("cancelled");
        assertThat(results.at("/stages/profiling/status").asText()).isEqualTo("skipped");
        assertThat(results.at("/stages/teardown/status").asText()).isEqualTo("ok");
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
        cli.assertNothingLeft(Duration.ofSeconds(60));
    }

    @Test
    void aStageWhoseServiceIsGoneForGoodEndsTheRunWithExitTwoNamingTheMissingHeartbeat() throws Exception {
        Cli cli = Cli.start(tmp, namespace(), Map.of("INTTEST_SUPERVISION", "off"));
        cli.awaitLine("integration_tests +started", Duration.ofMinutes(5));
        Thread.sleep(1500);

        ProcessControl.signal(pid(cli.stack(), "tester"), "KILL");
        long t0 = System.nanoTime();
        cli.awaitLine("verdict:", Duration.ofSeconds(90));
        double toVerdict = (System.nanoTime() - t0) / 1e9;
        int exit = cli.awaitExit(Duration.ofSeconds(60));

        assertThat(exit).as(cli.printed()).isEqualTo(2);
        assertThat(toVerdict).as("verdict within 45 s of the kill").isLessThan(45);
        JsonNode results = cli.results();
        assertThat(results.at("/stages/integration_tests/error/kind").asText()).isEqualTo("timed_out");
        assertThat(results.at("/stages/integration_tests/error/message").asText())
                .contains("integration_tests", "heartbeat");
        assertThat(results.at("/stages/teardown/status").asText()).isEqualTo("ok");
        cli.assertNothingLeft(Duration.ofSeconds(60));
    }

    private static long pid(StackRecord stack, String service) {
        return stack.services().stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow()
                .process().pid();
    }

    private record Trigger(int partition, long offset) {
    }

    /** Where the run's stage.completed service_deploy (the tester's trigger) is on inttest.stages. */
    private static Trigger trigger(String bootstrap, String runId) {
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(bootstrap, Topics.STAGES, Duration.ofSeconds(30))) {
            try {
                if (KafkaEventRecords.decode(r).event() instanceof StageCompleted sc && sc.runId().equals(runId)
                        && sc.stage() == Stage.SERVICE_DEPLOY) {
                    return new Trigger(r.partition(), r.offset());
                }
            } catch (InvalidEventException e) {
                // not ours
            }
        }
        throw new IllegalStateException("no service_deploy completion of " + runId);
    }

    private static long committed(String bootstrap, String group, int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata o = offsets.get(new TopicPartition(Topics.STAGES, partition));
            return o == null ? -1L : o.offset();
        }
    }

    private static String namespace() {
        byte[] b = new byte[3];
        ThreadLocalRandom.current().nextBytes(b);
        return "stonks-inttest-fault-" + HexFormat.of().formatHex(b);
    }

    /** The packaged CLI as a child process, its output collected line by line. */
    private static final class Cli {
        final Process process;
        final String namespace;
        final Path resultsFile;
        final Path sandboxes;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final List<Long> seenPids = new ArrayList<>();

        private Cli(Process process, String namespace, Path resultsFile, Path sandboxes) {
            this.process = process;
            this.namespace = namespace;
            this.resultsFile = resultsFile;
            this.sandboxes = sandboxes;
        }

        static Cli start(Path tmp, String namespace, Map<String, String> env) throws Exception {
            Path results = tmp.resolve("r.json");
            Path sandboxes = tmp.resolve("sandboxes");
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/perl"))) {
                // a test run started in the background by a non-interactive shell inherits SIGINT as ignored, and a
                // JVM never handles an ignored SIGINT: restore the default first, as a terminal would have it
                command.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    HOME.resolve("cli/target/inttest-cli.jar").toString(), "run", "--namespace", namespace,
                    "--results-file", results.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            builder.environment().put("INTTEST_HOME", HOME.toString());
            builder.environment().put("INTTEST_SANDBOX_ROOT", sandboxes.toString());
            Cli cli = new Cli(builder.start(), namespace, results, sandboxes);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(cli.process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        System.out.println("[cli] " + line);
                        cli.lines.add(line);
                    }
                } catch (Exception e) {
                    // the process ended
                }
            }, "cli-output");
            reader.setDaemon(true);
            reader.start();
            return cli;
        }

        void awaitLine(String regex, Duration timeout) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> lines.stream()
                    .anyMatch(l -> l.matches(".*" + regex + ".*")) || !process.isAlive());
            assertThat(lines).as("a line matching " + regex).anyMatch(l -> l.matches(".*" + regex + ".*"));
        }

        StackRecord stack() {
            StackRecord record = StackFile.read(HOME.resolve(".inttest/stacks").resolve(namespace)).orElseThrow();
            record.services().forEach(s -> seenPids.add(s.process().pid()));
            if (record.kafka() != null) {
                seenPids.add(record.kafka().process().pid());
            }
            record.components().forEach(c -> seenPids.add(c.process().pid())); // PostgreSQL, s3proxy
            return record;
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("CLI exited").isTrue();
            return process.exitValue();
        }

        String printed() {
            return String.join("\n", lines);
        }

        JsonNode results() throws Exception {
            return Json.MAPPER.readTree(Files.readString(resultsFile));
        }

        /** No process of the stack or the sandbox, and no sandbox directory, within {@code within}. */
        void assertNothingLeft(Duration within) throws Exception {
            List<Long> pids = new ArrayList<>(seenPids);
            if (Files.exists(resultsFile)) {
                for (String section : List.of("infra", "services")) {
                    results().path(section).forEach(c -> {
                        if (c.hasNonNull("pid")) {
                            pids.add(c.get("pid").asLong());
                        }
                    });
                }
            }
            await().atMost(within).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(pids).allSatisfy(pid -> assertThat(ProcessControl.isAlive(pid)).as("pid " + pid)
                        .isFalse());
                assertThat(sandboxes.resolve(namespace)).doesNotExist();
            });
        }
    }
}
