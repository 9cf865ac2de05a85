package dev.stonks.inttest.tester.runner;

import dev.stonks.inttest.events.output.EndpointExample;
import dev.stonks.inttest.events.output.TestsOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one suite run produced.
 *
 * @param outcomes  every test's outcome, read-only phase first, then the mutating phase
 * @param timings   latency samples in milliseconds per endpoint key
 * @param examples  per GET endpoint key, the first call that answered 2xx
 * @param reportDir the directory holding the JUnit XML reports, or null when none were written
 * @param elapsed   wall-clock time of the whole run
 */
public record SuiteRunReport(String runId, List<TestOutcome> outcomes, Map<String, List<Double>> timings,
        Map<String, EndpointExample> examples, Path reportDir, Duration elapsed) {

    public SuiteRunReport {
        outcomes = List.copyOf(outcomes);
        timings = Map.copyOf(timings);
        examples = Map.copyOf(examples);
    }

    /** The integration_tests stage output (with {@code report_path} when a report was written). */
    public TestsOutput output() {
        TestsOutput output = ResultCollector.output(outcomes, timings).withExamples(examples);
        return reportDir == null ? output : output.withReportPath(reportDir.toString());
    }

    /** Counts per suite class, in run order. */
    public List<SuiteTally> tallies() {
        return SuiteTally.of(outcomes);
    }
}
