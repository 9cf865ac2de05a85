package dev.stonks.inttest.events.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * integration_tests: the counts, every failure with its message, and the latency samples of every HTTP call in
 * milliseconds, keyed by endpoint ({@code /path/{template}} for GET, {@code METHOD /path/{template}} otherwise).
 *
 * @param reportPath where the run's JUnit XML reports (Surefire format, one {@code TEST-<suite>.xml} per suite) were
 *                   kept, as the tester saw it (a directory on the tester's machine); absent when none was written
 * @param examples   per GET endpoint key, the first call of it that answered 2xx, for the profiler to repeat
 */
public record TestsOutput(int total, int passed, int failed, int errors, int skipped, List<TestFailure> failures,
        Map<String, List<Double>> timings, @JsonInclude(JsonInclude.Include.NON_NULL) String reportPath,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, EndpointExample> examples) {

    public TestsOutput {
        failures = failures == null ? List.of() : List.copyOf(failures);
        timings = timings == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(timings));
        examples = examples == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(examples));
    }

    /** Without a report or examples. */
    public TestsOutput(int total, int passed, int failed, int errors, int skipped, List<TestFailure> failures,
            Map<String, List<Double>> timings) {
        this(total, passed, failed, errors, skipped, failures, timings, null, null);
    }

    public TestsOutput withReportPath(String path) {
        return new TestsOutput(total, passed, failed, errors, skipped, failures, timings, path, examples);
    }

    public TestsOutput withExamples(Map<String, EndpointExample> examples) {
        return new TestsOutput(total, passed, failed, errors, skipped, failures, timings, reportPath, examples);
    }
}
