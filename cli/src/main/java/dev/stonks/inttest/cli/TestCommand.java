package dev.stonks.inttest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.tester.runner.SuiteRunReport;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import dev.stonks.inttest.tester.runner.SuiteTally;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code inttest test}: the tester's suites ({@link SuiteRunner}, the same classes the pipeline's tester runs) against
 * a live deployment, no pipeline around them. Prints the counts per suite and every failure with its message, keeps
 * a JUnit XML report, optionally writes the results as JSON, and exits 0 (all passed), 1 (a failure or an error) or
 * 2 (bad input).
 */
public final class TestCommand {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** The runner's own log lines would repeat what the command prints. */
    private static final Logger TESTER_LOG = Logger.getLogger("dev.stonks.inttest.tester");

    private final TestOptions options;
    private final PrintStream out;

    TestCommand(TestOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** {@code inttest test ARGS}: parses, runs, returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(TestOptions.USAGE);
            return 0;
        }
        TestOptions options;
        try {
            options = TestOptions.parse(args);
        } catch (UsageException e) {
            err.println("inttest test: " + e.getMessage());
            err.print(TestOptions.USAGE);
            return 2;
        }
        return new TestCommand(options, out).call();
    }

    int call() {
        TESTER_LOG.setLevel(Level.WARNING);
        String runId = runId();
        Path reportDir = options.reportDir() != null ? options.reportDir()
                : defaultReportsRoot().resolve(runId);
        Instant startedAt = Instant.now();
        out.printf("inttest test %s: suites %s against %s (%d at a time)%n", runId, String.join(",", options.suites()),
                options.baseUrls(), options.parallelism());
        Vertx vertx = Vertx.vertx();
        SuiteRunReport report;
        try {
            List<Class<?>> suites = options.suiteClasses();
            SuiteRunner runner = new SuiteRunner(vertx, new SuiteRunner.Settings(suites, options.httpTimeout(),
                    options.testTimeout(), options.parallelism(), null));
            report = runner.execute(runId, options.baseUrls(), options.scale(), suites, reportDir);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        TestsOutput output = report.output();
        int exitCode = output.failed() == 0 && output.errors() == 0 && output.total() > 0 ? 0 : 1;
        print(report, output);
        if (options.resultsFile() != null) {
            writeResults(runId, startedAt, exitCode, report, output);
        }
        return exitCode;
    }

    private void print(SuiteRunReport report, TestsOutput output) {
        // in the order the suites were asked for (the tests ran in parallel)
        List<String> order = options.suiteClasses().stream().map(Class::getName).toList();
        java.util.Comparator<String> bySuite = java.util.Comparator.comparingInt(s -> {
            int i = order.indexOf(s);
            return i < 0 ? order.size() : i;
        });
        for (SuiteTally t : report.tallies().stream().sorted(java.util.Comparator.comparing(SuiteTally::suite,
                bySuite)).toList()) {
            out.printf("  %-24s %3d tests, %3d passed, %2d failed, %2d errors, %2d skipped (%.1f s)%n", t.simpleName(),
                    t.total(), t.passed(), t.failed(), t.errors(), t.skipped(), t.seconds());
        }
        List<String> simpleOrder = order.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList();
        for (TestFailure f : output.failures().stream().sorted(java.util.Comparator
                .comparingInt((TestFailure f) -> suiteIndex(simpleOrder, f.test())).thenComparing(TestFailure::test))
                .toList()) {
            out.printf("%s %s: %s%n", f.kind().equals(TestFailure.FAILURE) ? "FAILED" : "ERROR ", f.test(),
                    f.message() == null ? "" : f.message().replace("\n", "\n    "));
        }
        out.printf("tests: %d total, %d passed, %d failed, %d errors, %d skipped in %.1f s%n", output.total(),
                output.passed(), output.failed(), output.errors(), output.skipped(),
                report.elapsed().toMillis() / 1000.0);
        if (output.reportPath() != null) {
            out.println("JUnit XML: " + output.reportPath());
        }
    }

    private static int suiteIndex(List<String> simpleNames, String test) {
        int dot = test.indexOf('.');
        int i = simpleNames.indexOf(dot < 0 ? test : test.substring(0, dot));
        return i < 0 ? simpleNames.size() : i;
    }

    private void writeResults(String runId, Instant startedAt, int exitCode, SuiteRunReport report,
            TestsOutput output) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run_id", runId);
        root.put("started_at", startedAt.toString());
        root.put("completed_at", Instant.now().toString());
        root.put("exit_code", exitCode);
        root.set("services", Json.tree(options.baseUrls()));
        root.set("suites", Json.tree(options.suites()));
        ObjectNode tests = root.putObject("tests");
        tests.put("total", output.total()).put("passed", output.passed()).put("failed", output.failed())
                .put("errors", output.errors()).put("skipped", output.skipped());
        ArrayNode bySuite = root.putArray("by_suite");
        report.tallies().forEach(t -> bySuite.addObject().put("suite", t.suite()).put("total", t.total())
                .put("passed", t.passed()).put("failed", t.failed()).put("errors", t.errors())
                .put("skipped", t.skipped()));
        root.set("failures", Json.tree(output.failures()));
        if (output.reportPath() != null) {
            root.put("report_path", output.reportPath());
        }
        root.set("timings", Json.tree(output.timings()));
        if (!output.probes().isEmpty()) {
            root.set("probes", Json.tree(output.probes()));
        }
        Path file = options.resultsFile();
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".inttest-results", ".tmp");
            Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("results: " + file);
        } catch (IOException e) {
            out.println("results: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** {@code <inttest home>/.inttest/reports}, or {@code ./.inttest/reports} outside a checkout. */
    static Path defaultReportsRoot() {
        Path base;
        try {
            base = InttestHome.resolve();
        } catch (IllegalStateException e) {
            base = Path.of("");
        }
        return base.resolve(".inttest").resolve("reports").toAbsolutePath().normalize();
    }

    /** {@code test-20250630-210000-a1b2}: sortable, unique enough for two runs side by side. */
    static String runId() {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return "test-" + RUN_ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
    }
}
