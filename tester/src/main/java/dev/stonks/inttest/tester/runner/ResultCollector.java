package dev.stonks.inttest.tester.runner;

import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import java.util.ArrayList;
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
 * Counts the outcome of every test of a launch and keeps a {@link TestFailure} per test that did not pass:
 * {@code failure} when an assertion failed ({@link AssertionError}, which the opentest4j and AssertJ errors are),
 * {@code error} when the test could not run (any other exception: connection refused, timeout, a broken setup).
 * An aborted test (a failed assumption) and a disabled one count as skipped.
 *
 * <p>Tests under a container that failed before running them (a {@code @BeforeAll} that threw) are each counted with
 * the container's exception; a container that failed after its tests ran (an {@code @AfterAll}), or one without
 * tests (the engine failing discovery), counts as one extra entry under the container's name, so no failure is lost.
 * Thread-safe: suites may run their tests in parallel.
 */
final class ResultCollector implements TestExecutionListener {
    /** Longest message kept per failure: the events stay small. */
    static final int MAX_MESSAGE = 2_000;

    enum Kind {
        PASSED, FAILED, ERROR, SKIPPED
    }

    record Outcome(String test, Kind kind, String message) {
    }

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        String message = "skipped: " + reason;
        if (id.isTest()) {
            put(id, new Outcome(name(id), Kind.SKIPPED, message));
        } else {
            pendingTestsUnder(id).forEach(t -> put(t, new Outcome(name(t), Kind.SKIPPED, message)));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            put(id, outcome(name(id), result, null));
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        List<TestIdentifier> pending = pendingTestsUnder(id);
        if (pending.isEmpty()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                put(id, outcome(name(id), result, null));
            }
            return;
        }
        for (TestIdentifier test : pending) {
            put(test, outcome(name(test), result, name(id)));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        // A safety net: a test of the plan that was never reported did not run.
        testPlan.accept(new TestPlan.Visitor() {
            @Override
            public void visit(TestIdentifier id) {
                if (id.isTest() && !outcomes.containsKey(id.getUniqueId())) {
                    put(id, new Outcome(name(id), Kind.ERROR, "the test was not executed"));
                }
            }
        });
    }

    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    /** The stage output: counts, failures in the order they happened, and the latency samples. */
    synchronized TestsOutput output(Map<String, List<Double>> timings) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        List<TestFailure> failures = new ArrayList<>();
        for (Outcome o : outcomes.values()) {
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

    private void put(TestIdentifier id, Outcome outcome) {
        outcomes.putIfAbsent(id.getUniqueId(), outcome);
    }

    private List<TestIdentifier> pendingTestsUnder(TestIdentifier container) {
        if (plan == null) {
            return List.of();
        }
        return plan.getDescendants(container).stream()
                .filter(d -> d.isTest() && !outcomes.containsKey(d.getUniqueId())).toList();
    }

    private static Outcome outcome(String test, TestExecutionResult result, String failedContainer) {
        Optional<Throwable> thrown = result.getThrowable();
        String prefix = failedContainer == null ? "" : "(" + failedContainer + " failed) ";
        return switch (result.getStatus()) {
            case SUCCESSFUL -> new Outcome(test, Kind.PASSED, null);
            case ABORTED -> new Outcome(test, Kind.SKIPPED,
                    prefix + "aborted: " + thrown.map(Throwable::getMessage).orElse(""));
            case FAILED -> {
                Throwable t = thrown.orElse(null);
                yield new Outcome(test, t instanceof AssertionError ? Kind.FAILED : Kind.ERROR, truncate(prefix + describe(t)));
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
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
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

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
