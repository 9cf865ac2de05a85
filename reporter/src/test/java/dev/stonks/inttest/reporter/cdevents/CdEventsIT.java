package dev.stonks.inttest.reporter.cdevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.EventType;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.reporter.testing.HistoryStackResource;
import dev.stonks.inttest.reporter.testing.OnHistoryStack;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The reporter on a real broker, history and artifact store: after a run's verdict, {@code inttest.verdicts} and
 * {@code inttest.cdevents} read with the CloudEvents Java SDK's Kafka binding (binary mode) give the run.verdict and
 * the two CDEvents, whose attributes and data agree with each other and with the CDEvents v0.4.1 schemas.
 */
@QuarkusTest
@TestProfile(CdEventsIT.PublicUrl.class)
@QuarkusTestResource(value = HistoryStackResource.class, restrictToAnnotatedClass = true)
class CdEventsIT extends OnHistoryStack {
    private static final String PUBLIC_URL = "http://reporter.inttest.example:8080";
    private static final String SOURCE = "/inttest/reporter";

    /** Links in the results are absolute, as on a deployed reporter. */
    public static class PublicUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporter.public-url", PUBLIC_URL);
        }
    }

    @Test
    void aPassedRunsVerdictIsAlsoAPassedTestSuiteRunWithItsResultsAsTestOutput() throws Exception {
        // Given / When: every stage ok, 4 tests passed
        String run = "stonks-inttest-cd-passed";
        runToTheEnd(run, new TestsOutput(4, 4, 0, 0, 0, List.of(), Map.of()));

        // Then
        List<CloudEvent> cdEvents = cdEventsOf(run);
        CloudEvent verdict = verdictOf(run);
        JsonNode verdictData = data(verdict);
        assertThat(verdictData.get("exit_code").asInt()).isZero();
        JsonNode finished = assertCdEvent(cdEvents.get(1), TestSuiteRunFinished.TYPE, run, verdict);
        assertThat(finished.at("/subject/content/outcome").asText()).isEqualTo("pass");
        assertThat(finished.at("/subject/content/reason").asText()).isEqualTo("4 of 4 tests passed");
        assertThat(finished.at("/customData/exit_code").asInt()).isZero();
        assertThat(finished.at("/customData/passed").asInt()).isEqualTo(4);
        assertResultsLink(cdEvents.get(0), run, verdict, finished);
    }

    @Test
    void aRunWithFailedTestsIsAFailedTestSuiteRun() throws Exception {
        // Given / When: one of three tests failed
        String run = "stonks-inttest-cd-failed";
        runToTheEnd(run, new TestsOutput(3, 2, 1, 0, 0,
                List.of(new TestFailure("ApiSuite.companies", TestFailure.FAILURE, "expected 3 but was 2")),
                Map.of()));

        // Then
        List<CloudEvent> cdEvents = cdEventsOf(run);
        CloudEvent verdict = verdictOf(run);
        assertThat(data(verdict).get("exit_code").asInt()).isEqualTo(1);
        JsonNode finished = assertCdEvent(cdEvents.get(1), TestSuiteRunFinished.TYPE, run, verdict);
        assertThat(finished.at("/subject/content/outcome").asText()).isEqualTo("fail");
        assertThat(finished.at("/subject/content/reason").asText()).isEqualTo("1 failed, 0 errors of 3 tests");
        assertThat(finished.at("/customData/exit_code").asInt()).isEqualTo(1);
        assertThat(finished.at("/customData/failed").asInt()).isEqualTo(1);
        assertResultsLink(cdEvents.get(0), run, verdict, finished);
    }

    private void runToTheEnd(String run, TestsOutput tests) {
        events.requested(run, "cd1234", "main");
        for (Stage stage : Stage.values()) {
            events.started(run, stage);
            events.completed(run, stage, stage == Stage.INTEGRATION_TESTS ? tests : null);
        }
    }

    /** The run.verdict: a CloudEvent of the reporter about the run, its data the verdict. */
    private static CloudEvent verdictOf(String run) {
        List<CloudEvent> verdicts = read(Topics.VERDICTS, run).stream()
                .filter(e -> e.getType().equals(EventType.RUN_VERDICT.ceType())).toList();
        assertThat(verdicts).hasSize(1);
        CloudEvent verdict = verdicts.get(0);
        assertThat(verdict.getId()).isNotBlank();
        assertThat(verdict.getSource()).isEqualTo(URI.create(SOURCE));
        assertThat(verdict.getSubject()).isEqualTo(run);
        assertThat(verdict.getTime()).isNotNull();
        assertThat(verdict.getDataContentType()).isEqualTo("application/json");
        assertThat(data(verdict).get("run_id").asText()).isEqualTo(run);
        return verdict;
    }

    /** The run's CDEvents once both are on the topic: testoutput.published, then testsuiterun.finished. */
    private static List<CloudEvent> cdEventsOf(String run) {
        List<CloudEvent> cdEvents = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> read(Topics.CDEVENTS, run), l -> l.size() >= 2);
        assertThat(cdEvents).extracting(CloudEvent::getType)
                .containsExactly(TestOutputPublished.TYPE, TestSuiteRunFinished.TYPE);
        return cdEvents;
    }

    /**
     * The CloudEvent attributes are the CDEvent's (binding: id, source, type, subject = subject id, time =
     * timestamp, the verdict's moment), and the data is valid by the spec's schema. Returns the data.
     */
    private static JsonNode assertCdEvent(CloudEvent event, String type, String subject, CloudEvent verdict) {
        JsonNode data = data(event);
        assertThat(CdEventSchemas.violations(type, new String(event.getData().toBytes(), StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(event.getType()).isEqualTo(type);
        assertThat(data.at("/context/type").asText()).isEqualTo(type);
        assertThat(event.getId()).isEqualTo(data.at("/context/id").asText());
        assertThat(event.getSource()).isEqualTo(URI.create(SOURCE));
        assertThat(data.at("/context/source").asText()).isEqualTo(SOURCE);
        assertThat(event.getSubject()).isEqualTo(subject).isEqualTo(data.at("/subject/id").asText());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        Instant decided = Instant.parse(data(verdict).get("decided_at").asText()).truncatedTo(ChronoUnit.MILLIS);
        assertThat(event.getTime().toInstant()).isEqualTo(decided)
                .isEqualTo(OffsetDateTime.parse(data.at("/context/timestamp").asText()).toInstant());
        return data;
    }

    /** testoutput.published names the results.json the verdict lists, at the reporter's public URL, and it is there. */
    private void assertResultsLink(CloudEvent output, String run, CloudEvent verdict, JsonNode finished)
            throws Exception {
        JsonNode data = assertCdEvent(output, TestOutputPublished.TYPE, run + "/results.json", verdict);
        String uri = PUBLIC_URL + "/api/runs/" + run + "/artifacts/results.json";
        assertThat(data.at("/subject/content/uri").asText()).isEqualTo(uri);
        assertThat(data.at("/subject/content/outputType").asText()).isEqualTo("report");
        assertThat(data.at("/subject/content/format").asText()).isEqualTo("application/json");
        assertThat(finished.at("/customData/results").asText()).isEqualTo(uri);
        JsonNode results = data(verdict).get("results");
        assertThat(results.get("artifacts").findValuesAsText("url")).contains(uri);
        // the link's path is served by this reporter: the results of the verdict
        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(base.resolve(URI.create(uri).getPath()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(stored.body())).isEqualTo(results);
        assertThat(finished.at("/customData/run_id").asText()).isEqualTo(run);
        assertThat(finished.at("/customData/attempt").asInt()).isEqualTo(results.get("attempt").asInt());
        assertThat(finished.at("/customData/image_tag").asText()).isEqualTo("cd1234");
    }

    /** Every record of {@code run} on {@code topic} so far, in order, as the SDK's Kafka binding decodes it. */
    private static List<CloudEvent> read(String topic, String run) {
        List<CloudEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HistoryStackResource.broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new CloudEventDeserializer())) {
            List<TopicPartition> partitions = TopicReader.partitions(consumer, List.of(topic), Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (run.equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return Json.MAPPER.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
