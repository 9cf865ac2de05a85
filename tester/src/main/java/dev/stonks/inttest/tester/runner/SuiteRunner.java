package dev.stonks.inttest.tester.runner;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.tester.sandbox.Sandbox;
import dev.stonks.inttest.tester.sandbox.Sandboxes;
import dev.stonks.inttest.tester.sandbox.TimedHttpClient;
import dev.stonks.inttest.tester.sandbox.TimingRecorder;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs JUnit 5 suite classes against a live sandbox through the JUnit Platform Launcher and turns the outcome into
 * the integration_tests stage result.
 *
 * <p>Each run gets its own {@link Sandbox} (registered under a key passed to the launch as a configuration
 * parameter, so runs in parallel do not mix), its own timed HTTP client and its own thread: the tests block on HTTP
 * responses, which must not happen on a Vert.x thread. The launcher is configured explicitly (Jupiter engine only,
 * no listener auto-registration, no implicit configuration from system properties or
 * {@code junit-platform.properties}), so a run does not depend on what else is on the class path.
 */
public final class SuiteRunner {
    private static final Logger LOG = Logger.getLogger(SuiteRunner.class);
    private static final int SUMMARY_MESSAGE = 500;

    /**
     * @param suites      the suite classes to run, in order
     * @param httpTimeout the longest an HTTP call of a test may take
     * @param testTimeout the longest a test may take (JUnit's default timeout)
     */
    public record Settings(List<Class<?>> suites, Duration httpTimeout, Duration testTimeout) {
        public Settings {
            suites = List.copyOf(suites);
            if (suites.isEmpty()) {
                throw new IllegalArgumentException("no suites to run");
            }
            if (httpTimeout.isNegative() || httpTimeout.isZero() || testTimeout.isNegative() || testTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    private final Vertx vertx;
    private final Settings settings;

    public SuiteRunner(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The integration_tests stage's work: runs the configured suites against the services of {@code context}.
     * {@code ok} when every test passed (skipped ones allowed); {@code failed} with kind {@code tests_failed}
     * otherwise, still carrying the output (counts, failures, timings) for the profiler and the reporter.
     *
     * @throws StageFailedException {@code no_services} when the context has no service endpoints, {@code no_tests}
     *                              when the suites hold no test, {@code launcher_failed} when JUnit itself failed
     */
    public StageResult run(String runId, RunContext context) {
        if (context.services().isEmpty()) {
            throw new StageFailedException("no_services",
                    "the run context has no service endpoints: nothing to test (did service_deploy report any?)");
        }
        TestsOutput output = runSuites(runId, context.services(), context.scale(), settings.suites());
        if (output.total() == 0) {
            throw new StageFailedException("no_tests", "the suites " + names(settings.suites()) + " hold no tests");
        }
        if (output.failed() == 0 && output.errors() == 0) {
            return StageResult.ok(output, context);
        }
        return StageResult.failed(new StageError("tests_failed", summary(output)), output, context);
    }

    /** Runs {@code suites} against {@code services} and reports counts, failures and latency samples. */
    public TestsOutput runSuites(String runId, Map<String, String> services, int scale, List<Class<?>> suites) {
        TimingRecorder timings = new TimingRecorder();
        try (TimedHttpClient http = new TimedHttpClient(vertx, settings.httpTimeout(), timings)) {
            Sandbox sandbox = new Sandbox(runId, services, scale, http);
            String key = Sandboxes.register(sandbox);
            try {
                LOG.infof("run %s: running %s against %s", runId, names(suites), sandbox.services());
                ResultCollector collector = launch(runId, key, suites);
                TestsOutput output = collector.output(timings.snapshot());
                log(runId, output);
                return output;
            } finally {
                Sandboxes.remove(key);
            }
        }
    }

    private ResultCollector launch(String runId, String sandboxKey, List<Class<?>> suites) {
        ResultCollector collector = new ResultCollector();
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.discoveryRequest()
                .selectors(suites.stream().map(DiscoverySelectors::selectClass).toList())
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(Sandboxes.PARAMETER, sandboxKey)
                .configurationParameter("junit.jupiter.execution.timeout.default",
                        settings.testTimeout().toMillis() + " ms")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
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
                launcher.execute(LauncherExecutionRequestBuilder.executionRequest(discovery)
                        .listeners(collector).cancellationToken(cancellation).build());
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "inttest-suites-" + runId);
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
        return collector;
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

    private static void log(String runId, TestsOutput output) {
        LOG.infof("run %s: %d tests, %d passed, %d failed, %d errors, %d skipped; %d endpoints timed", runId,
                output.total(), output.passed(), output.failed(), output.errors(), output.skipped(),
                output.timings().size());
        for (TestFailure f : output.failures()) {
            LOG.infof("run %s: %s %s: %s", runId, f.kind(), f.test(), f.message());
        }
    }

    private static List<String> names(List<Class<?>> suites) {
        return suites.stream().map(Class::getSimpleName).toList();
    }
}
