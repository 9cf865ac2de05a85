package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void parsesEveryOption() {
        TestOptions options = TestOptions.parse("--base-url", "query-api=http://10.0.0.5:8080",
                "--base-url", "registry=https://registry.example/stonks", "--suites", "api, frontend",
                "--report-dir", tmp.resolve("xml").toString(), "--results-file", tmp.resolve("r.json").toString(),
                "--scale", "3", "--parallelism", "8", "--http-timeout", "5", "--test-timeout", "30");

        assertThat(options.baseUrls()).containsExactly(
                org.assertj.core.api.Assertions.entry("query-api", "http://10.0.0.5:8080"),
                org.assertj.core.api.Assertions.entry("registry", "https://registry.example/stonks"));
        assertThat(options.suites()).containsExactly("api", "frontend");
        assertThat(options.suiteClasses()).hasSizeGreaterThan(2);
        assertThat(options.reportDir()).isEqualTo(tmp.resolve("xml"));
        assertThat(options.resultsFile()).isEqualTo(tmp.resolve("r.json"));
        assertThat(options.scale()).isEqualTo(3);
        assertThat(options.parallelism()).isEqualTo(8);
        assertThat(options.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.testTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void defaultsRunTheApiSuitesWithNoResultsFile() {
        TestOptions options = TestOptions.parse("--base-url", "query-api=http://127.0.0.1:8081");

        assertThat(options.suites()).containsExactly("api");
        assertThat(options.reportDir()).isNull();
        assertThat(options.resultsFile()).isNull();
        assertThat(options.parallelism()).isEqualTo(4);
    }

    @Test
    void badInputIsAOneLineReason() {
        assertUsage("at least one --base-url SERVICE=URL is required");
        assertUsage("--base-url needs SERVICE=URL, got 'http://x'", "--base-url", "http://x");
        assertUsage("--base-url: unknown service 'quer-api' (one of query-api, registry, risk, trading)",
                "--base-url", "quer-api=http://x");
        assertUsage("--base-url query-api: 'ftp://x' is not an http(s)://host[:port][/path] URL",
                "--base-url", "query-api=ftp://x");
        assertUsage("--base-url query-api: 'http://a b' is not a URL", "--base-url", "query-api=http://a b");
        assertUsage("--base-url: query-api is given twice", "--base-url", "query-api=http://a",
                "--base-url", "query-api=http://b");
        assertUsage("--suites: unknown suite(s) [fronted]", "--base-url", "risk=http://a", "--suites", "fronted");
        assertUsage("option --base-url needs a value", "--base-url");
        assertUsage("--parallelism must be in 1..64, was 0", "--base-url", "risk=http://a", "--parallelism", "0");
        assertUsage("unknown option: --base", "--base", "risk=http://a");
        assertUsage("--results-file: directory", "--base-url", "risk=http://a", "--results-file",
                tmp.resolve("nope/r.json").toString());
    }

    @Test
    void theCommandExits2WithTheReasonAndTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"test", "--suites", "api"}, new PrintStream(out), new PrintStream(err));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(stderr.lines().findFirst())
                .hasValue("inttest test: at least one --base-url SERVICE=URL is required");
        assertThat(stderr).contains("Usage: inttest test --base-url SERVICE=URL");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpIsPrintedWithExit0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"test", "--help"}, new PrintStream(out), new PrintStream(out));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: inttest test").contains("Exit codes:");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> TestOptions.parse(args)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
