package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsFollowTheSeed() {
        RunOptions options = RunOptions.parse();
        assertThat(options.imageTag()).isEqualTo("latest");
        assertThat(options.namespace()).matches("stonks-inttest-\\d{10}-[0-9a-f]{4}");
        assertThat(options.runId()).isEqualTo(options.namespace());
        assertThat(options.skipTeardown()).isFalse();
        assertThat(options.resultsFile()).isEqualTo(Path.of("inttest-results.json"));
        assertThat(options.scale()).isEqualTo(1);
    }

    @Test
    void parsesEveryOption() {
        RunOptions options = RunOptions.parse("--image-tag", "abc123", "--namespace", "stonks-inttest-x1",
                "--skip-teardown", "--results-file", tmp.resolve("r.json").toString(), "--scale", "10",
                "--timeout", "300");
        assertThat(options.imageTag()).isEqualTo("abc123");
        assertThat(options.namespace()).isEqualTo("stonks-inttest-x1");
        assertThat(options.skipTeardown()).isTrue();
        assertThat(options.resultsFile()).isEqualTo(tmp.resolve("r.json"));
        assertThat(options.scale()).isEqualTo(10);
        assertThat(options.timeout().toSeconds()).isEqualTo(300);
    }

    @Test
    void theBackendIsLocalUnlessAskedForByOptionOrEnvironment() {
        assertThat(RunOptions.parseWithBackendEnv(null).backend()).isEqualTo("local");
        assertThat(RunOptions.parseWithBackendEnv(null, "--backend", "kubernetes").backend()).isEqualTo("kubernetes");
        assertThat(RunOptions.parseWithBackendEnv("kubernetes").backend()).isEqualTo("kubernetes");
        assertThat(RunOptions.parseWithBackendEnv("kubernetes", "--backend", "local").backend()).isEqualTo("local");
        assertThat(RunOptions.parseWithBackendEnv(null, "--backend", "kubernetes", "--dry-run").dryRun()).isTrue();
    }

    @Test
    void aDryRunNeedsTheKubernetesBackendAndAnUnknownBackendIsRefused() {
        assertThatThrownBy(() -> RunOptions.parseWithBackendEnv(null, "--dry-run")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--dry-run needs --backend kubernetes");
        assertThatThrownBy(() -> RunOptions.parseWithBackendEnv(null, "--backend", "docker"))
                .isInstanceOf(UsageException.class).hasMessageContaining("not local or kubernetes");
        assertThatThrownBy(() -> RunOptions.parseWithBackendEnv("nomad")).isInstanceOf(UsageException.class)
                .hasMessageContaining("backend 'nomad'");
    }

    @Test
    void twoDefaultNamespacesDiffer() {
        assertThat(RunOptions.parse().namespace()).isNotEqualTo(RunOptions.parse().namespace());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--no-such-option", "--image-tag", "--namespace kube-system", "--namespace Bad_Name",
        "--image-tag $(x)", "--results-file /no/such/dir/r.json", "--scale 0", "--scale many", "--timeout 1",
        "--backend", "--backend k3s", "--dry-run"})
    void badInputIsAUsageError(String args) {
        assertThatThrownBy(() -> RunOptions.parse(args.split(" "))).isInstanceOf(UsageException.class);
    }

    @Test
    void tagsWithSpacesAndOverlongNamesAreRejected() {
        assertThatThrownBy(() -> RunOptions.parse("--image-tag", "a b")).hasMessageContaining("not a valid OCI tag");
        assertThatThrownBy(() -> RunOptions.parse("--image-tag", "a".repeat(129)))
                .hasMessageContaining("not a valid OCI tag");
        assertThatThrownBy(() -> RunOptions.parse("--namespace", "stonks-inttest-" + "a".repeat(49)))
                .hasMessageContaining("longer than 63");
    }

    @Test
    void mainExitsTwoWithReasonAndUsage() {
        var err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--namespace", "kube-system"}, System.out,
                new java.io.PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("inttest run: namespace 'kube-system' must start with")
                .contains("Usage:");
    }
}
