package dev.stonks.inttest.tester.runner;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.tester.report.JUnitXmlReport;
import dev.stonks.inttest.tester.report.JUnitXmlStore;
import dev.stonks.inttest.tester.sandbox.Sandbox;
import dev.stonks.inttest.tester.sandbox.Sandboxes;
import dev.stonks.inttest.tester.sandbox.TimedHttpClient;
import dev.stonks.inttest.tester.sandbox.TimingRecorder;
import io.vertx.core.Vertx;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs JUnit 5 suite classes against a live sandbox through the JUnit Platform Launcher and turns the outcome into
 * the integration_tests stage result. A plain class (no CDI): the tester service builds it from its settings, the
 * {@code inttest test} command from its options.
 *
 * <p>A run has two phases. First every read-only test, concurrently ({@link Settings#parallelism()} at a time:
 * classes and methods in parallel); then the tests marked {@link Mutating}, one at a time, so a test that writes can
 * never change what a read-only test sees while it runs.
 *
 * <p>Each run gets its own {@link Sandbox} (registered under a key passed to the launch as a configuration
 * parameter, so runs in parallel do not mix), its own timed HTTP client and its own thread: the tests block on HTTP
 * responses, which must not happen on a Vert.x thread. The launcher is configured explicitly (Jupiter engine only,
 * no listener auto-registration, no implicit configuration from system properties or
 * {@code junit-platform.properties}), so a run does not depend on what else is on the class path. When a reports
 * directory is set, the run's outcomes are also written there as JUnit XML (Surefire format); when a
 * {@link JUnitXmlStore} is given, {@link #run} keeps them there as one document before the stage completes.
 */
public final class SuiteRunner {
    private static final Logger LOG = Logger.getLogger(SuiteRunner.class);
    private static final int SUMMARY_MESSAGE = 500;
    /** Tests running at once when not configured. */
    public static final int DEFAULT_PARALLELISM = 4;

    /**
     * @param suites      the suite classes to run, in order
     * @param httpTimeout the longest an HTTP call of a test may take
     * @param testTimeout the longest a test may take (JUnit's default timeout)
     * @param parallelism how many read-only tests run at once (1: one after the other)
     * @param reportsDir  where each run's JUnit XML goes, in {@code <reportsDir>/<run id>/}; null: no report
     */
    public record Settings(List<Class<?>> suites, Duration httpTimeout, Duration testTimeout, int parallelism,
            Path reportsDir) {
        public Settings {
            suites = List.copyOf(suites);
            if (suites.isEmpty()) {
                throw new IllegalArgumentException("no suites to run");
            }
            if (httpTimeout.isNegative() || httpTimeout.isZero() || testTimeout.isNegative() || testTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (parallelism < 1 || parallelism > 64) {
                throw new IllegalArgumentException("parallelism must be 1..64, was " + parallelism);
            }
        }

        /** Default parallelism, no report. */
        public Settings(List<Class<?>> suites, Duration httpTimeout, Duration testTimeout) {
            this(suites, httpTimeout, testTimeout, DEFAULT_PARALLELISM, null);
        }

        public Settings withParallelism(int n) {
            return new Settings(suites, httpTimeout, testTimeout, n, reportsDir);
        }

        public Settings withReportsDir(Path dir) {
            return new Settings(suites, httpTimeout, testTimeout, parallelism, dir);
        }
    }

    /** The name under which {@code unavailable} reports a JUnit XML that could not be stored. */
    public static final String JUNIT_XML = "junit.xml";

    private final Vertx vertx;
    private final Settings settings;
    private final JUnitXmlStore store;

    /** A runner that keeps no JUnit XML in a store ({@code inttest test}; the reports directory still applies). */
    public SuiteRunner(Vertx vertx, Settings settings) {
        this(vertx, settings, null);
    }

    /**
     * @param store where {@link #run} keeps each run's JUnit XML before the stage completes; null: nowhere
     */
    public SuiteRunner(Vertx vertx, Settings settings, JUnitXmlStore store) {
        this.vertx = vertx;
        this.settings = settings;
        this.store = store;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The integration_tests stage's work: runs the configured suites against the services of {@code context}.
     * {@code ok} when every test passed (skipped ones allowed); {@code failed} with kind {@code tests_failed}
     * otherwise, still carrying the output (counts, failures, timings, report path) for the profiler and the
     * reporter.
     *
     * @throws StageFailedException {@code no_services} when the context has no service endpoints, {@code no_tests}
     *                              when the suites hold no test, {@code launcher_failed} when JUnit itself failed
     */
    public StageResult run(String runId, RunContext context) {
        return run(runId, context, () -> false);
    }

    /** As {@link #run(String, RunContext)}; once {@code stop} holds (a cancel), no further test starts. */
    public StageResult run(String runId, RunContext context, BooleanSupplier stop) {
        if (context.services().isEmpty()) {
            throw new StageFailedException("no_services",
                    "the run context has no service endpoints: nothing to test (did service_deploy report any?)");
        }
        Path reportDir = settings.reportsDir() == null ? null : settings.reportsDir().resolve(runId);
        SuiteRunReport report = execute(runId, context.services(), context.scale(), settings.suites(), reportDir, stop);
        TestsOutput output = report.output();
        if (output.total() == 0) {
            throw new StageFailedException("no_tests", "the suites " + names(settings.suites()) + " hold no tests");
        }
        output = keepJUnitXml(report, output);
        if (output.failed() == 0 && output.errors() == 0) {
            return StageResult.ok(output, context);
        }
        return StageResult.failed(new StageError("tests_failed", summary(output)), output, context);
    }

    /**
     * Stores the run's JUnit XML. A store that fails costs the record, not the outcome: the stage's status and output
     * stay what the tests decided, the output names {@code junit.xml} under {@code unavailable} with the store's
     * answer, and the log says it at ERROR.
     */
    private TestsOutput keepJUnitXml(SuiteRunReport report, TestsOutput output) {
        if (store == null) {
            return output;
        }
        String runId = report.runId();
        try {
            String where = store.put(runId, report.junitXml());
            LOG.infof("run %s: JUnit XML stored: %s", runId, where);
            return output;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.errorf("run %s: the run's JUnit XML was NOT stored (the tests' outcome stands, %d tests, %d failed, "
                    + "%d errors; %s): %s", runId, output.total(), output.failed(), output.errors(),
                    report.reportDir() == null ? "no local copy" : "local copy in " + report.reportDir(), reason);
            return output.withUnavailable(JUNIT_XML, reason);
        }
    }

    /** Runs {@code suites} against {@code services} and reports counts, failures and latency samples. */
    public TestsOutput runSuites(String runId, Map<String, String> services, int scale, List<Class<?>> suites) {
        return execute(runId, services, scale, suites, null).output();
    }

    /**
     * Runs {@code suites} against {@code services}: read-only tests concurrently, then the mutating ones; writes the
     * JUnit XML into {@code reportDir} when it is not null (a report that cannot be written is logged, and the run
     * reports no path).
     */
    public SuiteRunReport execute(String runId, Map<String, String> services, int scale, List<Class<?>> suites,
            Path reportDir) {
        return execute(runId, services, scale, suites, reportDir, () -> false);
    }

    private SuiteRunReport execute(String runId, Map<String, String> services, int scale, List<Class<?>> suites,
            Path reportDir, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        Instant startedAt = Instant.now();
        TimingRecorder timings = new TimingRecorder();
        try (TimedHttpClient http = new TimedHttpClient(vertx, settings.httpTimeout(), timings)) {
            Sandbox sandbox = new Sandbox(runId, services, scale, http);
            sandbox.stopWhen(stop);
            String key = Sandboxes.register(sandbox);
            try {
                LOG.infof("run %s: running %s against %s (%d at a time, then the mutating tests)", runId,
                        names(suites), sandbox.services(), settings.parallelism());
                ResultCollector collector = new ResultCollector();
                launch(runId, key, suites, collector, false);
                launch(runId, key, suites, collector, true);
                List<TestOutcome> outcomes = collector.outcomes();
                Map<String, String> properties = properties(runId, services, scale, startedAt);
                Path written = report(runId, reportDir, outcomes, properties);
                SuiteRunReport report = new SuiteRunReport(runId, outcomes, timings.snapshot(), timings.probes(),
                        timings.examples(), written, Duration.ofNanos(System.nanoTime() - t0), properties);
                log(runId, report);
                return report;
            } finally {
                Sandboxes.remove(key);
            }
        }
    }

    private static Map<String, String> properties(String runId, Map<String, String> services, int scale,
            Instant startedAt) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("inttest.run_id", runId);
        properties.put("inttest.started_at", startedAt.toString());
        properties.put("inttest.scale", Integer.toString(scale));
        new java.util.TreeMap<>(services).forEach((name, url) -> properties.put("inttest.service." + name, url));
        return properties;
    }

    private static Path report(String runId, Path dir, List<TestOutcome> outcomes, Map<String, String> properties) {
        if (dir == null) {
            return null;
        }
        try {
            JUnitXmlReport.write(dir, outcomes, properties);
            return dir.toAbsolutePath();
        } catch (UncheckedIOException e) {
            LOG.warnf("run %s: %s", runId, e.getMessage());
            return null;
        }
    }

    private void launch(String runId, String sandboxKey, List<Class<?>> suites, ResultCollector collector,
            boolean mutating) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.discoveryRequest()
                .selectors(suites.stream().map(DiscoverySelectors::selectClass).toList())
                .filters(mutating ? TagFilter.includeTags(Mutating.TAG) : TagFilter.excludeTags(Mutating.TAG))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(Sandboxes.PARAMETER, sandboxKey)
                .configurationParameter("junit.jupiter.execution.timeout.default",
                        settings.testTimeout().toMillis() + " ms")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        int parallelism = mutating ? 1 : settings.parallelism();
        if (parallelism > 1) {
            request.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                            Integer.toString(parallelism))
                    // the tests block on HTTP responses: no compensating threads beyond the configured number
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size",
                            Integer.toString(parallelism))
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.saturate", "true");
        }
        LauncherDiscoveryRequest discovery = request.build();
        CancellationToken cancellation = CancellationToken.create();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());

        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                TestPlan plan = launcher.discover(discovery);
                if (plan.containsTests()) {
                    launcher.execute(LauncherExecutionRequestBuilder.executionRequest(plan)
                            .listeners(collector).cancellationToken(cancellation).build());
                }
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "inttest-suites-" + runId + (mutating ? "-mutating" : ""));
        thread.setContextClassLoader(SuiteRunner.class.getClassLoader());
        thread.setDaemon(true);
        thread.start();
        try {
            done.get();
        } catch (InterruptedException e) {
            cancellation.cancel();
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new StageFailedException("interrupted", "the test run was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StageFailedException("launcher_failed", "the JUnit launcher failed: " + cause, cause);
        }
    }

    /** {@code 2 failed, 1 errors: CompaniesApiSuite.listsEveryCompany: <first line of its message>} */
    static String summary(TestsOutput output) {
        StringBuilder s = new StringBuilder().append(output.failed()).append(" failed, ").append(output.errors())
                .append(" errors");
        if (!output.failures().isEmpty()) {
            TestFailure first = output.failures().get(0);
            String message = first.message() == null ? "" : first.message().strip();
            int nl = message.indexOf('\n');
            s.append(": ").append(first.test()).append(": ").append(nl < 0 ? message : message.substring(0, nl));
        }
        return s.length() <= SUMMARY_MESSAGE ? s.toString() : s.substring(0, SUMMARY_MESSAGE - 3) + "...";
    }

    private static void log(String runId, SuiteRunReport report) {
        TestsOutput output = report.output();
        LOG.infof("run %s: %d tests, %d passed, %d failed, %d errors, %d skipped in %.1f s; %d endpoints timed%s",
                runId, output.total(), output.passed(), output.failed(), output.errors(), output.skipped(),
                report.elapsed().toMillis() / 1000.0, output.timings().size(),
                report.reportDir() == null ? "" : "; JUnit XML in " + report.reportDir());
        for (SuiteTally t : report.tallies()) {
            LOG.infof("run %s: %s: %d tests, %d passed, %d failed, %d errors, %d skipped", runId, t.simpleName(),
                    t.total(), t.passed(), t.failed(), t.errors(), t.skipped());
        }
        for (TestFailure f : output.failures()) {
            LOG.infof("run %s: %s %s: %s", runId, f.kind(), f.test(), f.message());
        }
    }

    private static List<String> names(List<Class<?>> suites) {
        return suites.stream().map(Class::getSimpleName).toList();
    }
}
