package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.ResultsSchema;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on the embedded stack: a real Kafka broker, every pipeline service as a process, and per run a
 * real PostgreSQL, Redis and S3 store with the stonks services, exactly as run_pipeline.sh runs it.
 */
class PipelineEndToEndIT {

    @TempDir
    Path tmp;

    @Test
    void aRunOfTheLatestBuildPassesAndLeavesNothingBehind() throws Exception {
        // Given
        String namespace = namespace();
        Path resultsFile = tmp.resolve("r.json");

        // When
        Run run = run("--namespace", namespace, "--results-file", resultsFile.toString());

        // Then
        assertThat(run.exitCode).as(run.printed).isZero();
        String json = Files.readString(resultsFile);
        assertThat(ResultsSchema.violations(json)).isEmpty();
        JsonNode results = Json.MAPPER.readTree(json);
        assertThat(results.get("run_id").asText()).isEqualTo(namespace);
        assertThat(results.get("exit_code").asInt()).isZero();
        for (String stage : List.of("infra_deploy", "seed_data", "service_deploy", "integration_tests", "profiling",
                "teardown")) {
            assertThat(results.at("/stages/" + stage + "/status").asText()).as(stage).isEqualTo("ok");
            assertThat(run.printed).contains(stage);
        }
        assertThat(results.at("/tests/total").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(results.at("/tests/passed").asInt()).isEqualTo(results.at("/tests/total").asInt());
        assertThat(results.at("/profiling/endpoints").size()).isGreaterThanOrEqualTo(3);
        assertThat(results.at("/profiling/endpoints").has("/api/companies/{id}")).isTrue();
        assertThat(results.at("/profiling/endpoints/~1api~1companies~1{id}/source").asText())
                .as("re-measured warm by the profiler").isEqualTo("profile");
        assertThat(results.at("/profiling/test_calls").has("/api/companies/{id}")).isTrue();
        for (String service : List.of("query-api", "registry", "risk", "trading")) {
            assertThat(results.at("/profiling/memory/" + service + "/rss_mb").asDouble()).as(service).isPositive();
        }
        assertThat(results.at("/profiling/sql/statements").size()).as("the services' statements").isPositive();
        assertThat(results.at("/profiling/sql/statements").findValuesAsText("query"))
                .noneMatch(q -> q.startsWith("COPY")).anyMatch(q -> q.contains("companies"));
        assertThat(results.at("/budgets").findValuesAsText("metric")).containsExactly("seed_insertion_s",
                "service_startup_s", "api_p95_ms", "api_p99_ms", "total_pipeline_s");
        assertThat(results.at("/budgets/0/within").asBoolean()).as("seeding within 30 s").isTrue();
        assertThat(run.printed).contains("budgets: ");
        assertThat(results.at("/seed/rows/companies").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(run.printed).contains("verdict: exit code 0", "stage hand-offs");
        assertThat(Files.readString(tmp.resolve("r.html"))).contains("exit code 0", "<svg", "/api/companies/{id}",
                "Budgets", "Memory");
        assertNothingLeft(namespace, results);
        // the stack's history database and artifact store were recorded, are stopped, and their data is gone
        Path stackDir = Path.of(System.getProperty("inttest.home")).resolve(".inttest/stacks").resolve(namespace);
        StackRecord stack = StackFile.read(stackDir).orElseThrow();
        assertThat(stack.components()).extracting(StackRecord.Component::name).containsExactlyInAnyOrder(
                "history-db", "artifacts");
        assertThat(stack.components()).noneMatch(c -> c.process().isRunning());
        assertThat(stackDir.resolve("components/history-db")).doesNotExist();
        assertThat(stackDir.resolve("components/artifacts")).doesNotExist();
        assertThat(run.printed).contains("history database and artifact store ready");
    }

    @Test
    void anImageTagWithNoBuildFailsServiceDeployWithExitCodeTwoAndTearsDown() throws Exception {
        String namespace = namespace();
        Path resultsFile = tmp.resolve("r.json");

        Run run = run("--namespace", namespace, "--image-tag", "no-such-build-0000", "--results-file",
                resultsFile.toString());

        assertThat(run.exitCode).as(run.printed).isEqualTo(2);
        JsonNode results = Json.MAPPER.readTree(resultsFile.toFile());
        assertThat(ResultsSchema.violations(results.toString())).isEmpty();
        assertThat(results.at("/stages/service_deploy/status").asText()).isEqualTo("failed");
        assertThat(results.at("/stages/service_deploy/error/kind").asText()).isEqualTo("image_not_found");
        assertThat(results.at("/stages/integration_tests/status").asText()).isEqualTo("skipped");
        assertThat(results.at("/stages/teardown/status").asText()).isEqualTo("ok");
        assertNothingLeft(namespace, results);
    }

    @Test
    void withSkipTeardownTheSandboxOutlivesTheStack() throws Exception {
        String namespace = namespace();
        Path resultsFile = tmp.resolve("r.json");

        Run run = run("--namespace", namespace, "--skip-teardown", "--results-file", resultsFile.toString());

        JsonNode results = Json.MAPPER.readTree(resultsFile.toFile());
        List<Long> pids = pids(results);
        try {
            assertThat(run.exitCode).as(run.printed).isZero();
            assertThat(results.at("/stages/teardown/status").asText()).isEqualTo("skipped");
            Path sandbox = Path.of(System.getProperty("inttest.home")).resolve(".sandboxes").resolve(namespace);
            assertThat(sandbox.resolve("sandbox.json")).exists();
            assertThat(pids).isNotEmpty().allSatisfy(pid -> assertThat(ProcessHandle.of(pid)
                    .map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid + " alive").isTrue());
        } finally {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            deleteTree(Path.of(System.getProperty("inttest.home")).resolve(".sandboxes").resolve(namespace));
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Long> pids(JsonNode results) {
        List<Long> pids = new ArrayList<>();
        for (String section : List.of("infra", "services")) {
            results.path(section).forEach(c -> {
                if (c.hasNonNull("pid")) {
                    pids.add(c.get("pid").asLong());
                }
            });
        }
        return pids;
    }

    private static void assertNothingLeft(String namespace, JsonNode results) {
        Path home = Path.of(System.getProperty("inttest.home"));
        assertThat(home.resolve(".sandboxes").resolve(namespace)).doesNotExist();
        List<Long> pids = pids(results);
        assertThat(pids).as("recorded pids").isNotEmpty();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                .orElse(false)).as("pid " + pid + " alive").isFalse());
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                .as("child processes of the CLI").isEmpty();
    }

    private static String namespace() {
        byte[] b = new byte[3];
        ThreadLocalRandom.current().nextBytes(b);
        return "stonks-inttest-it-" + HexFormat.of().formatHex(b);
    }

    private record Run(int exitCode, String printed) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        return new Run(code, printed);
    }
}
