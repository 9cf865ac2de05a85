package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The script's bad-input contract: exit 2 with a one-line reason and the usage, before anything starts. */
class RunPipelineScriptIT {

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("--no-such-option"), "unknown option: --no-such-option"),
                Arguments.of(List.of("--image-tag"), "option --image-tag needs a value"),
                Arguments.of(List.of("--namespace", "--skip-teardown"), "option --namespace needs a value"),
                Arguments.of(List.of("--namespace", "kube-system"), "must be a DNS-1123 label starting with"),
                Arguments.of(List.of("--namespace", "Bad_Name"), "must be a DNS-1123 label starting with"),
                Arguments.of(List.of("--namespace", "stonks-inttest-" + "a".repeat(49)), "longer than 63"),
                Arguments.of(List.of("--image-tag", "a b"), "not a valid OCI tag"),
                Arguments.of(List.of("--image-tag", "$(x)"), "not a valid OCI tag"),
                Arguments.of(List.of("--image-tag", "a".repeat(129)), "not a valid OCI tag"),
                Arguments.of(List.of("--results-file", "/no/such/dir/r.json"), "results file directory"),
                Arguments.of(List.of("--backend", "docker"), "backend 'docker' is not local or kubernetes"),
                Arguments.of(List.of("--backend"), "option --backend needs a value"),
                Arguments.of(List.of("--dry-run"), "--dry-run needs --backend kubernetes"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void exitsTwoWithAReasonBeforeStartingAnything(List<String> args, String reason) throws Exception {
        exitsTwoBeforeStartingAnything(args, reason, Map.of());
    }

    @Test
    void theKubernetesBackendWithoutAClusterExitsTwoBeforeStartingAnything() throws Exception {
        Path noHome = Files.createTempDirectory("no-kube");
        exitsTwoBeforeStartingAnything(List.of("--backend", "kubernetes"), "backend kubernetes: no cluster configured",
                Map.of("HOME", noHome.toString(), "KUBECONFIG", "", "KUBERNETES_SERVICE_HOST", ""));
    }

    private void exitsTwoBeforeStartingAnything(List<String> args, String reason, Map<String, String> env)
            throws Exception {
        Path home = Path.of(System.getProperty("inttest.home"));
        List<String> before = stacks(home);
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("infra/inttest/run_pipeline.sh")
                .toString()));
        command.addAll(args);

        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("INTTEST_BACKEND");
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.lines().findFirst().orElse("")).startsWith("run_pipeline.sh: ").contains(reason);
        assertThat(stderr).contains("Usage: bash infra/inttest/run_pipeline.sh");
        assertThat(stacks(home)).isEqualTo(before);
    }

    private static List<String> stacks(Path home) throws IOException {
        Path dir = home.resolve(".inttest/stacks");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(Path::toString).sorted().toList();
        }
    }
}
