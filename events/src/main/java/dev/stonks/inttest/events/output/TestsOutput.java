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
 * @param examples   per endpoint key, the first call of it that answered 2xx and that may be repeated (every GET, and
 *                   the write calls the target declares repeatable: pure computations, idempotent PUTs), for the
 *                   profiler to measure again on the warm service
 * @param probes     latency samples of deliberate calls of routes the target does not have (404 probes), keyed like
 *                   {@code timings} but never among them
 * @param unavailable what the tester could not keep, with the reason (e.g. {@code junit.xml -> the artifact store's
 *                    answer}); absent when everything was kept. The counts and failures above stand regardless.
 */
public record TestsOutput(int total, int passed, int failed, int errors, int skipped, List<TestFailure> failures,
        Map<String, List<Double>> timings, @JsonInclude(JsonInclude.Include.NON_NULL) String reportPath,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, EndpointExample> examples,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> unavailable,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<Double>> probes) {

    public TestsOutput {
        probes = probes == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(probes));
        failures = failures == null ? List.of() : List.copyOf(failures);
        timings = timings == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(timings));
        examples = examples == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(examples));
        unavailable = unavailable == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(unavailable));
    }

    /** Without a report or examples. */
    public TestsOutput(int total, int passed, int failed, int errors, int skipped, List<TestFailure> failures,
            Map<String, List<Double>> timings) {
        this(total, passed, failed, errors, skipped, failures, timings, null, null, null, null);
    }

    public TestsOutput withReportPath(String path) {
        return new TestsOutput(total, passed, failed, errors, skipped, failures, timings, path, examples, unavailable,
                probes);
    }

    public TestsOutput withExamples(Map<String, EndpointExample> examples) {
        return new TestsOutput(total, passed, failed, errors, skipped, failures, timings, reportPath, examples,
                unavailable, probes);
    }

    public TestsOutput withProbes(Map<String, List<Double>> probes) {
        return new TestsOutput(total, passed, failed, errors, skipped, failures, timings, reportPath, examples,
                unavailable, probes);
    }

    /** With {@code what} (e.g. {@code junit.xml}) noted as not kept, and why. */
    public TestsOutput withUnavailable(String what, String reason) {
        Map<String, String> more = new TreeMap<>(unavailable);
        more.put(what, reason);
        return new TestsOutput(total, passed, failed, errors, skipped, failures, timings, reportPath, examples, more,
                probes);
    }
}
