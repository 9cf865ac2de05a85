package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A verdict's CDEvents, from its results document: {@code testoutput.published} for the stored results.json (only
 * when the store took it), then {@code testsuiterun.finished}. Their ids derive from the run id, the attempt and the
 * event type, so a verdict published again (a replay of the log) yields the same events, which consumers drop as
 * duplicates.
 */
public final class VerdictCdEvents {
    public static final String TEST_SUITE = "stonks-integration";
    static final String RESULTS_JSON = "results.json";
    private static final int REASON_MAX = 200;

    private VerdictCdEvents() {
    }

    /** {@code source}: the reporter's CloudEvents source; {@code at}: when the verdict was decided. */
    public static List<CdEvent> of(JsonNode results, String source, Instant at) {
        String runId = results.get("run_id").asText();
        int attempt = results.path("attempt").asInt(1);
        String timestamp = at.truncatedTo(ChronoUnit.MILLIS).toString();
        String resultsUrl = resultsUrl(results);
        List<CdEvent> events = new ArrayList<>(2);
        if (resultsUrl != null) {
            events.add(new CdEvent(context(runId, attempt, source, TestOutputPublished.TYPE, timestamp),
                    new CdEvent.Subject(runId + "/" + RESULTS_JSON, TestOutputPublished.SUBJECT_TYPE,
                            new TestOutputPublished("report", "application/json", resultsUrl)),
                    null, null));
        }
        JsonNode tests = results.path("tests");
        VerdictData data = new VerdictData(runId, attempt, results.get("exit_code").asInt(),
                text(results.get("image_tag")), resultsUrl, tests.path("passed").asInt(0),
                tests.path("failed").asInt(0), tests.path("errors").asInt(0));
        String environment = text(results.get("namespace"));
        events.add(new CdEvent(context(runId, attempt, source, TestSuiteRunFinished.TYPE, timestamp),
                new CdEvent.Subject(runId, TestSuiteRunFinished.SUBJECT_TYPE, new TestSuiteRunFinished(
                        new TestSuiteRunFinished.Environment(environment == null ? runId : environment),
                        new TestSuiteRunFinished.TestSuite(TEST_SUITE), outcome(results), reason(results))),
                data, "application/json"));
        return events;
    }

    static String outcome(JsonNode results) {
        if (results.path("cancelled").isObject()) {
            return TestSuiteRunFinished.CANCEL;
        }
        return switch (results.get("exit_code").asInt()) {
            case 0 -> TestSuiteRunFinished.PASS;
            case 1 -> TestSuiteRunFinished.FAIL;
            default -> TestSuiteRunFinished.ERROR;
        };
    }

    /** One line: who cancelled and why, the test counts, or the first stage that did not complete ok. */
    static String reason(JsonNode results) {
        JsonNode cancelled = results.path("cancelled");
        if (cancelled.isObject()) {
            return shorten("cancelled by " + cancelled.path("by").asText("?") + ": "
                    + cancelled.path("reason").asText(""));
        }
        JsonNode tests = results.path("tests");
        int total = tests.path("total").asInt(0);
        int failed = tests.path("failed").asInt(0);
        int errors = tests.path("errors").asInt(0);
        int exitCode = results.get("exit_code").asInt();
        if (exitCode == 0) {
            return tests.path("passed").asInt(0) + " of " + total + " tests passed";
        }
        if (exitCode == 1 && failed + errors > 0) {
            return failed + " failed, " + errors + " errors of " + total + " tests";
        }
        Iterator<Map.Entry<String, JsonNode>> stages = results.path("stages").fields();
        while (stages.hasNext()) {
            Map.Entry<String, JsonNode> stage = stages.next();
            String status = stage.getValue().path("status").asText();
            if (!"ok".equals(status) && !"skipped".equals(status)) {
                String message = stage.getValue().path("error").path("message").asText("");
                return shorten(stage.getKey() + " " + status + (message.isEmpty() ? "" : ": " + message));
            }
        }
        return "exit code " + exitCode;
    }

    /** The url of results.json as the results list it; null when the store did not take it. */
    static String resultsUrl(JsonNode results) {
        for (JsonNode artifact : results.path("artifacts")) {
            if (RESULTS_JSON.equals(artifact.path("name").asText())) {
                return text(artifact.get("url"));
            }
        }
        return null;
    }

    private static CdEvent.Context context(String runId, int attempt, String source, String type, String timestamp) {
        String id = UUID.nameUUIDFromBytes((runId + "#" + attempt + " " + type).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new CdEvent.Context(CdEvent.SPEC_VERSION, id, source, type, timestamp);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String shorten(String s) {
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() <= REASON_MAX ? line : line.substring(0, REASON_MAX - 3) + "...";
    }
}
