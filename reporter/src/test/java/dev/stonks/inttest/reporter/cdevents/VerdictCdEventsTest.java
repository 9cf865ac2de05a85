package dev.stonks.inttest.reporter.cdevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.CloudEventAttributes;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A verdict's CDEvents, from its results, against the CDEvents v0.4.1 schemas. */
class VerdictCdEventsTest {
    private static final String SOURCE = "/inttest/reporter";
    private static final String RUN = "stonks-inttest-cd1";
    private static final String RESULTS_URL = "https://inttest.example/api/runs/" + RUN + "/artifacts/results.json";
    private static final Instant DECIDED = Instant.parse("2026-12-02T10:15:30.123456Z");

    @ParameterizedTest(name = "exit {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | pass  | 5 of 5 tests passed",
            "1 | fail  | 1 failed, 1 errors of 5 tests",
            "2 | error | seed_data failed: relation \"companies\" does not exist"})
    void theVerdictIsATestSuiteRunFinishedWithItsOutcomeAndATestOutputForTheResults(int exitCode, String outcome,
            String reason) throws IOException {
        // Given
        ObjectNode results = results(exitCode);

        // When
        List<CdEvent> events = VerdictCdEvents.of(results, SOURCE, DECIDED);

        // Then: both valid by the spec's schemas
        assertThat(events).extracting(e -> e.context().type())
                .containsExactly(TestOutputPublished.TYPE, TestSuiteRunFinished.TYPE);
        events.forEach(VerdictCdEventsTest::assertValid);
        JsonNode output = json(events.get(0));
        assertThat(output.at("/context/version").asText()).isEqualTo("0.4.1");
        assertThat(output.at("/context/source").asText()).isEqualTo(SOURCE);
        assertThat(output.at("/context/timestamp").asText()).isEqualTo("2026-12-02T10:15:30.123Z");
        assertThat(output.at("/subject/id").asText()).isEqualTo(RUN + "/results.json");
        assertThat(output.at("/subject/type").asText()).isEqualTo("testOutput");
        assertThat(output.at("/subject/content")).isEqualTo(Json.MAPPER.readTree(
                "{\"outputType\": \"report\", \"format\": \"application/json\", \"uri\": \"" + RESULTS_URL + "\"}"));
        JsonNode finished = json(events.get(1));
        assertThat(finished.at("/subject/id").asText()).isEqualTo(RUN);
        assertThat(finished.at("/subject/type").asText()).isEqualTo("testSuiteRun");
        assertThat(finished.at("/subject/content/outcome").asText()).isEqualTo(outcome);
        assertThat(finished.at("/subject/content/reason").asText()).isEqualTo(reason);
        assertThat(finished.at("/subject/content/environment/id").asText()).isEqualTo(RUN);
        assertThat(finished.at("/subject/content/testSuite/id").asText()).isEqualTo("stonks-integration");
        assertThat(finished.get("customDataContentType").asText()).isEqualTo("application/json");
        assertThat(finished.get("customData")).isEqualTo(Json.MAPPER.readTree("""
                {"run_id": "%s", "attempt": 2, "exit_code": %d, "image_tag": "abc123", "results": "%s",
                 "passed": %d, "failed": %d, "errors": %d}""".formatted(RUN, exitCode, RESULTS_URL,
                results.at("/tests/passed").asInt(), results.at("/tests/failed").asInt(),
                results.at("/tests/errors").asInt())));
    }

    @Test
    void aCancelledRunIsCancelWithWhoAndWhy() {
        // Given: cancelled while seeding (exit 2)
        ObjectNode results = results(2);
        ObjectNode cancelled = results.putObject("cancelled");
        cancelled.put("by", "alice");
        cancelled.put("reason", "wrong image\n tag");
        cancelled.put("at", "2026-12-02T10:15:00Z");

        // When
        CdEvent finished = VerdictCdEvents.of(results, SOURCE, DECIDED).get(1);

        // Then
        assertValid(finished);
        TestSuiteRunFinished content = (TestSuiteRunFinished) finished.subject().content();
        assertThat(content.outcome()).isEqualTo("cancel");
        assertThat(content.reason()).isEqualTo("cancelled by alice: wrong image tag");
    }

    @Test
    void withoutAStoredResultsArtifactThereIsNoTestOutputAndNoResultsLink() {
        // Given: the artifact store failed
        ObjectNode results = results(0);
        results.remove("artifacts");
        results.put("artifacts_error", "the artifact store did not answer within 20 s");

        // When
        List<CdEvent> events = VerdictCdEvents.of(results, SOURCE, DECIDED);

        // Then
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.context().type()).isEqualTo(TestSuiteRunFinished.TYPE);
            assertValid(e);
            assertThat(json(e).at("/customData/results").isNull()).isTrue();
        });
    }

    @Test
    void theSandboxNamespaceIsTheEnvironment() {
        ObjectNode results = results(0);
        results.put("namespace", "stonks-inttest-cd1-ns");

        CdEvent finished = VerdictCdEvents.of(results, SOURCE, DECIDED).get(1);

        assertThat(((TestSuiteRunFinished) finished.subject().content()).environment().id())
                .isEqualTo("stonks-inttest-cd1-ns");
    }

    @Test
    void theIdsDependOnRunAttemptAndTypeOnlySoARepublishedVerdictRepeatsThem() {
        // Given the same verdict published twice, later, and the next attempt's
        List<CdEvent> first = VerdictCdEvents.of(results(1), SOURCE, DECIDED);
        List<CdEvent> again = VerdictCdEvents.of(results(1), SOURCE, DECIDED.plusSeconds(30));
        ObjectNode next = results(0);
        next.put("attempt", 3);
        List<CdEvent> nextAttempt = VerdictCdEvents.of(next, SOURCE, DECIDED);

        // Then
        assertThat(again).extracting(e -> e.context().id()).isEqualTo(first.stream().map(e -> e.context().id())
                .toList());
        assertThat(first.get(0).context().id()).isNotEqualTo(first.get(1).context().id());
        assertThat(nextAttempt).extracting(e -> e.context().id()).doesNotContainAnyElementsOf(
                first.stream().map(e -> e.context().id()).toList());
    }

    @Test
    void theRecordIsBinaryModeOnTheCdEventsTopicKeyedByRun() {
        // Given
        CdEvent finished = VerdictCdEvents.of(results(0), SOURCE, DECIDED).get(1);

        // When
        EventEnvelope envelope = CdEventRecords.envelope(RUN, finished);

        // Then
        assertThat(envelope.topic()).isEqualTo(Topics.CDEVENTS);
        assertThat(envelope.key()).isEqualTo(RUN);
        assertThat(envelope.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                CloudEventAttributes.H_SPECVERSION, "1.0",
                CloudEventAttributes.H_ID, finished.context().id(),
                CloudEventAttributes.H_SOURCE, SOURCE,
                CloudEventAttributes.H_TYPE, TestSuiteRunFinished.TYPE,
                CloudEventAttributes.H_SUBJECT, RUN,
                CloudEventAttributes.H_TIME, "2026-12-02T10:15:30.123Z",
                CloudEventAttributes.H_CONTENT_TYPE, "application/json"));
        assertThat(CdEventSchemas.violations(TestSuiteRunFinished.TYPE,
                new String(envelope.value(), StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnOutcomeTheSpecDoesNotKnowAndARelativeUri() {
        // Given
        ObjectNode finished = (ObjectNode) json(VerdictCdEvents.of(results(0), SOURCE, DECIDED).get(1));
        ((ObjectNode) finished.at("/subject/content")).put("outcome", "passed");
        ObjectNode output = (ObjectNode) json(VerdictCdEvents.of(results(0), SOURCE, DECIDED).get(0));
        ((ObjectNode) output.at("/subject/content")).put("uri", "/api/runs/" + RUN + "/artifacts/results.json");

        // Then
        assertThat(CdEventSchemas.violations(TestSuiteRunFinished.TYPE, finished.toString()))
                .singleElement().asString().contains("outcome");
        assertThat(CdEventSchemas.violations(TestOutputPublished.TYPE, output.toString()))
                .singleElement().asString().contains("uri");
    }

    /** The results of attempt 2 of {@link #RUN} whose verdict is {@code exitCode}, with results.json stored. */
    private static ObjectNode results(int exitCode) {
        ObjectNode results = Json.MAPPER.createObjectNode();
        results.put("run_id", RUN);
        results.put("image_tag", "abc123");
        results.put("exit_code", exitCode);
        results.put("attempt", 2);
        ObjectNode stages = results.putObject("stages");
        for (String stage : List.of("infra_deploy", "seed_data", "service_deploy", "integration_tests", "profiling",
                "teardown")) {
            stages.putObject(stage).put("status", "ok");
        }
        ObjectNode tests = results.putObject("tests");
        tests.put("total", 5).put("passed", 5).put("failed", 0).put("errors", 0).put("skipped", 0);
        if (exitCode == 1) {
            tests.put("passed", 3).put("failed", 1).put("errors", 1);
        }
        if (exitCode == 2) {
            ObjectNode seed = (ObjectNode) stages.get("seed_data");
            seed.put("status", "failed");
            seed.putObject("error").put("kind", "exception").put("message", "relation \"companies\"\n does not exist");
            for (String stage : List.of("service_deploy", "integration_tests", "profiling")) {
                ((ObjectNode) stages.get(stage)).put("status", "skipped");
            }
            tests.put("total", 0).put("passed", 0);
        }
        ObjectNode artifact = results.putArray("artifacts").addObject();
        artifact.put("name", "results.json");
        artifact.put("content_type", "application/json");
        artifact.put("url", RESULTS_URL);
        return results;
    }

    private static JsonNode json(CdEvent event) {
        try {
            return Json.MAPPER.readTree(CdEventRecords.json(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertValid(CdEvent event) {
        assertThat(CdEventSchemas.violations(event.context().type(), json(event).toString()))
                .as(event.context().type()).isEmpty();
    }
}
