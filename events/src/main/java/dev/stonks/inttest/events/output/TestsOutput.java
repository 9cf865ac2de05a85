package dev.stonks.inttest.events.output;

import java.util.List;
import java.util.Map;

/**
 * integration_tests: the counts, every failure with its message, and the latency samples of every HTTP call in
 * milliseconds, keyed by endpoint ({@code /path/{template}} for GET, {@code METHOD /path/{template}} otherwise).
 */
public record TestsOutput(int total, int passed, int failed, int errors, int skipped, List<TestFailure> failures,
        Map<String, List<Double>> timings) {

    public TestsOutput {
        failures = failures == null ? List.of() : List.copyOf(failures);
        timings = timings == null ? Map.of() : Map.copyOf(timings);
    }
}
