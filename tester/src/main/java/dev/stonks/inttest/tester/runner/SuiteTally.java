package dev.stonks.inttest.tester.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counts of one suite class: {@code FrontendPagesSuite: 10 tests, 4 passed, 6 failed, 0 errors, 0 skipped}. */
public record SuiteTally(String suite, int total, int passed, int failed, int errors, int skipped, double seconds) {

    /** Tallies per suite class, in the order the suites first appear in {@code outcomes}. */
    public static List<SuiteTally> of(List<TestOutcome> outcomes) {
        Map<String, List<TestOutcome>> bySuite = new LinkedHashMap<>();
        outcomes.forEach(o -> bySuite.computeIfAbsent(o.suite(), k -> new java.util.ArrayList<>()).add(o));
        return bySuite.entrySet().stream().map(e -> {
            List<TestOutcome> list = e.getValue();
            return new SuiteTally(e.getKey(), list.size(), count(list, TestOutcome.Kind.PASSED),
                    count(list, TestOutcome.Kind.FAILED), count(list, TestOutcome.Kind.ERROR),
                    count(list, TestOutcome.Kind.SKIPPED), list.stream().mapToDouble(TestOutcome::seconds).sum());
        }).toList();
    }

    /** The class's simple name (nested classes as {@code Outer.Inner}). */
    public String simpleName() {
        return suite.substring(suite.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static int count(List<TestOutcome> outcomes, TestOutcome.Kind kind) {
        return (int) outcomes.stream().filter(o -> o.kind() == kind).count();
    }
}
