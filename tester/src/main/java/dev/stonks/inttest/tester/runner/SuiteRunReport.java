package dev.stonks.inttest.tester.runner;

import dev.stonks.inttest.events.output.EndpointExample;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.tester.report.JUnitXmlReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one suite run produced.
 *
 * @param outcomes  every test's outcome, read-only phase first, then the mutating phase
 * @param timings   latency samples in milliseconds per endpoint key (probes not included)
 * @param probes    latency samples of the probes (calls of routes the target does not have) per endpoint key
 * @param examples  per endpoint key, the first call that answered 2xx and may be repeated (a GET, or a write marked
 *                  repeatable)
 * @param reportDir the directory holding the JUnit XML reports, or null when none were written
 * @param elapsed   wall-clock time of the whole run
 * @param properties the run-wide facts of the JUnit XML (run id, start, scale, services), in order
 */
public record SuiteRunReport(String runId, List<TestOutcome> outcomes, Map<String, List<Double>> timings,
        Map<String, List<Double>> probes, Map<String, EndpointExample> examples, Path reportDir, Duration elapsed, Map<String, String> properties) {

    public SuiteRunReport {
        outcomes = List.copyOf(outcomes);
        timings = Map.copyOf(timings);
        probes = Map.copyOf(probes);
        examples = Map.copyOf(examples);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The whole run as one JUnit XML document ({@code junit.xml} in the artifact store). */
    public byte[] junitXml() {
        return JUnitXmlReport.document(outcomes, properties);
    }

    /** The integration_tests stage output (with {@code report_path} when a report was written). */
    public TestsOutput output() {
        TestsOutput output = ResultCollector.output(outcomes, timings).withExamples(examples).withProbes(probes);
        return reportDir == null ? output : output.withReportPath(reportDir.toString());
    }

    /** Counts per suite class, in run order. */
    public List<SuiteTally> tallies() {
        return SuiteTally.of(outcomes);
    }
}
