package dev.stonks.inttest.tester.runner;

import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.tester.runner.TestOutcome.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the outcome of every test of one or more launches, with a {@link TestOutcome} per test:
 * {@code failed} when an assertion failed ({@link AssertionError}, which the opentest4j and AssertJ errors are),
 * {@code error} when the test could not run (any other exception: connection refused, timeout, a broken setup).
 * An aborted test (a failed assumption) and a disabled one count as skipped.
 *
 * <p>Tests under a container that failed before running them (a {@code @BeforeAll} that threw) are each counted with
 * the container's exception; a container that failed after its tests ran (an {@code @AfterAll}), or one without
 * tests (the engine failing discovery), counts as one extra entry under the container's name, so no failure is lost.
 * Thread-safe: suites run their tests in parallel. One collector may listen to several launches in a row (the
 * runner's read-only and mutating phases): each outcome is final once recorded.
 */
final class ResultCollector implements TestExecutionListener {
    /** Longest message kept per failure: the events stay small. */
    static final int MAX_MESSAGE = 2_000;
    /** Longest stack trace kept per failure (the JUnit XML report). */
    static final int MAX_STACK = 8_000;
    /** The suite of what has no class (the engine itself). */
    static final String ENGINE_SUITE = "junit-jupiter";

    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    private TestPlan plan;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        String message = "skipped: " + reason;
        if (id.isTest()) {
            put(id, outcome(id, Kind.SKIPPED, message, null, 0));
        } else {
            pendingTestsUnder(id).forEach(t -> put(t, outcome(t, Kind.SKIPPED, message, null, 0)));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            put(id, outcome(id, result, null, seconds(id)));
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        List<TestIdentifier> pending = pendingTestsUnder(id);
        if (pending.isEmpty()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                put(id, outcome(id, result, null, seconds(id)));
            }
            return;
        }
        for (TestIdentifier test : pending) {
            put(test, outcome(test, result, name(id), 0));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        // A safety net: a test of the plan that was never reported did not run.
        testPlan.accept(new TestPlan.Visitor() {
            @Override
            public void visit(TestIdentifier id) {
                if (id.isTest() && !outcomes.containsKey(id.getUniqueId())) {
                    put(id, outcome(id, Kind.ERROR, "the test was not executed", null, 0));
                }
            }
        });
    }

    synchronized List<TestOutcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    /** The stage output: counts, failures in the order they happened, and the latency samples. */
    static TestsOutput output(List<TestOutcome> outcomes, Map<String, List<Double>> timings) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        List<TestFailure> failures = new ArrayList<>();
        for (TestOutcome o : outcomes) {
            switch (o.kind()) {
                case PASSED -> passed++;
                case SKIPPED -> skipped++;
                case FAILED -> {
                    failed++;
                    failures.add(new TestFailure(o.test(), TestFailure.FAILURE, o.message()));
                }
                case ERROR -> {
                    errors++;
                    failures.add(new TestFailure(o.test(), TestFailure.ERROR, o.message()));
                }
            }
        }
        return new TestsOutput(outcomes.size(), passed, failed, errors, skipped, failures, timings);
    }

    private void put(TestIdentifier id, TestOutcome outcome) {
        outcomes.putIfAbsent(id.getUniqueId(), outcome);
    }

    private double seconds(TestIdentifier id) {
        Long t0 = started.get(id.getUniqueId());
        return t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
    }

    private List<TestIdentifier> pendingTestsUnder(TestIdentifier container) {
        if (plan == null) {
            return List.of();
        }
        return plan.getDescendants(container).stream()
                .filter(d -> d.isTest() && !outcomes.containsKey(d.getUniqueId())).toList();
    }

    private TestOutcome outcome(TestIdentifier id, Kind kind, String message, Throwable thrown, double seconds) {
        String test = name(id);
        String suite = suite(id);
        String prefix = simpleName(suite) + ".";
        String local = test.startsWith(prefix) ? test.substring(prefix.length()) : test;
        return new TestOutcome(test, suite, local, kind, message, thrown == null ? null : thrown.getClass().getName(),
                thrown == null ? null : stackTrace(thrown), seconds);
    }

    private TestOutcome outcome(TestIdentifier id, TestExecutionResult result, String failedContainer,
            double seconds) {
        Optional<Throwable> thrown = result.getThrowable();
        String prefix = failedContainer == null ? "" : "(" + failedContainer + " failed) ";
        return switch (result.getStatus()) {
            case SUCCESSFUL -> outcome(id, Kind.PASSED, null, null, seconds);
            case ABORTED -> outcome(id, Kind.SKIPPED,
                    prefix + "aborted: " + thrown.map(Throwable::getMessage).orElse(""), null, seconds);
            case FAILED -> {
                Throwable t = thrown.orElse(null);
                yield outcome(id, t instanceof AssertionError ? Kind.FAILED : Kind.ERROR,
                        truncate(prefix + describe(t), MAX_MESSAGE), t, seconds);
            }
        };
    }

    /** An assertion's own message; for other exceptions their type, message and root cause. */
    static String describe(Throwable t) {
        if (t == null) {
            return "failed without an exception";
        }
        if (t instanceof AssertionError) {
            return t.getMessage() == null ? t.getClass().getName() : t.getMessage().strip();
        }
        StringBuilder s = new StringBuilder(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t && root.getMessage() != null && !String.valueOf(t.getMessage()).contains(root.getMessage())) {
            s.append(" (caused by ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage())
                    .append(')');
        }
        return s.toString();
    }

    static String truncate(String message) {
        return truncate(message, MAX_MESSAGE);
    }

    static String truncate(String message, int max) {
        return message.length() <= max ? message : message.substring(0, max - 3) + "...";
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return truncate(out.toString(), MAX_STACK);
    }

    /**
     * A stable, readable name: {@code CompaniesApiSuite.listsEveryCompany}; an invocation of a parameterized test
     * or a dynamic test adds its display name: {@code CompaniesApiSuite.companyDetail[AAPL]}.
     */
    String name(TestIdentifier id) {
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(id);
        var source = id.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String base = simpleName(method.getClassName()) + "." + method.getMethodName();
            boolean invocation = parent.flatMap(TestIdentifier::getSource)
                    .filter(ps -> ps instanceof MethodSource pm && pm.getClassName().equals(method.getClassName())
                            && pm.getMethodName().equals(method.getMethodName()))
                    .isPresent();
            return invocation ? base + "[" + id.getDisplayName() + "]" : base;
        }
        if (source instanceof ClassSource cls) {
            return simpleName(cls.getClassName());
        }
        if (parent.isPresent() && parent.get().getSource().isPresent()) {
            return name(parent.get()) + "[" + id.getDisplayName() + "]";
        }
        return id.getDisplayName();
    }

    /** The fully qualified class a test or container belongs to: its own source's, or its nearest ancestor's. */
    String suite(TestIdentifier id) {
        for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent();
                at = plan == null ? Optional.empty() : plan.getParent(at.get())) {
            var source = at.get().getSource().orElse(null);
            if (source instanceof MethodSource method) {
                return method.getClassName();
            }
            if (source instanceof ClassSource cls) {
                return cls.getClassName();
            }
        }
        return ENGINE_SUITE;
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
