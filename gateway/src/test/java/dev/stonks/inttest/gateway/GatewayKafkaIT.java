package dev.stonks.inttest.gateway;

import static dev.stonks.inttest.gateway.testing.PushPayloads.SHA;
import static dev.stonks.inttest.gateway.testing.PushPayloads.ZEROS;
import static dev.stonks.inttest.gateway.testing.PushPayloads.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.CloudEventAttributes;
import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ReceivedEvent;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.gateway.runs.RunIds;
import dev.stonks.inttest.gateway.testing.KafkaBrokerResource;
import dev.stonks.inttest.gateway.testing.PushPayloads;
import dev.stonks.inttest.gateway.testing.RunsTopic;
import dev.stonks.inttest.gateway.testing.TestTokens;
import dev.stonks.inttest.gateway.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway against a real broker: what each request answers, and exactly which events it left on inttest.runs
 * (read between the end offsets before and after the request; see {@link RunsTopic}).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class GatewayKafkaIT {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final WebhookSignature SIGNATURE = new WebhookSignature(KafkaBrokerResource.WEBHOOK_SECRET);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URI base;

    private RunsTopic runs;
    private Map<TopicPartition, Long> mark;

    @BeforeEach
    void markTheTopic() {
        runs = new RunsTopic(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        mark = runs.mark();
    }

    @AfterEach
    void close() {
        runs.close();
    }

    @Test
    void aSignedPushToMainIsAcceptedAndEmitsOneRunRequestedAndItsRedeliveryNothing() throws Exception {
        // Given
        String delivery = UUID.randomUUID().toString();
        String runId = RunIds.forDelivery(delivery);

        // When
        HttpResponse<String> first = webhook("push", delivery, push("refs/heads/main", SHA));

        // Then: 202 with the run, and exactly one run.requested, keyed by the run, in CloudEvents binary mode
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode body = json(first);
        assertThat(body.path("run_id").asText()).isEqualTo(runId);
        assertThat(body.path("image_tag").asText()).isEqualTo(SHA);
        ConsumerRecord<String, byte[]> record = single(runs.since(mark));
        assertThat(record.key()).isEqualTo(runId);
        assertThat(header(record, CloudEventAttributes.H_TYPE)).isEqualTo("dev.stonks.inttest.run.requested.v1");
        assertThat(header(record, CloudEventAttributes.H_SOURCE)).isEqualTo("/inttest/gateway");
        assertThat(header(record, CloudEventAttributes.H_SUBJECT)).isEqualTo(runId);
        assertThat(header(record, CloudEventAttributes.H_SPECVERSION)).isEqualTo("1.0");
        ReceivedEvent received = KafkaEventRecords.decode(record);
        assertThat(received.event()).isInstanceOfSatisfying(RunRequested.class, r -> {
            assertThat(r.runId()).isEqualTo(runId);
            assertThat(r.namespace()).isEqualTo(runId);
            assertThat(r.imageTag()).isEqualTo(SHA);
            assertThat(r.git()).isEqualTo(new GitRef(PushPayloads.REPOSITORY, "refs/heads/main", SHA));
            assertThat(r.requestedBy()).isEqualTo("octocat");
            assertThat(r.backend()).isEqualTo("local");
            assertThat(r.scale()).isEqualTo(1);
        });

        // When: GitHub redelivers the same delivery
        Map<TopicPartition, Long> afterFirst = runs.mark();
        HttpResponse<String> again = webhook("push", delivery, push("refs/heads/main", SHA));

        // Then: the same run, marked as a duplicate, and still only the one event
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(json(again).path("run_id").asText()).isEqualTo(runId);
        assertThat(json(again).path("duplicate").asBoolean()).isTrue();
        assertThat(runs.since(afterFirst)).isEmpty();
        assertThat(runs.since(mark)).hasSize(1);
    }

    @Test
    void aPushToAnotherConfiguredBranchRequestsARunToo() throws Exception {
        HttpResponse<String> response = webhook("push", UUID.randomUUID().toString(),
                push("refs/heads/release", SHA));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(((RunRequested) KafkaEventRecords.decode(single(runs.since(mark))).event()).git().ref())
                .isEqualTo("refs/heads/release");
    }

    @Test
    void aBadOrMissingSignatureIs401AndEmitsNothing() throws Exception {
        // Given
        byte[] body = push("refs/heads/main", SHA);

        // When
        HttpResponse<String> wrongSecret = post("webhooks/github", body, Map.of("Content-Type", "application/json",
                "X-GitHub-Event", "push", "X-GitHub-Delivery", UUID.randomUUID().toString(),
                "X-Hub-Signature-256", new WebhookSignature("not the secret").sign(body)));
        HttpResponse<String> unsigned = post("webhooks/github", body, Map.of("Content-Type", "application/json",
                "X-GitHub-Event", "push", "X-GitHub-Delivery", UUID.randomUUID().toString()));

        // Then
        assertProblem(wrongSecret, 401, "invalid-signature");
        assertProblem(unsigned, 401, "invalid-signature");
        assertThat(runs.since(mark)).isEmpty();
    }

    @Test
    void otherBranchesTagsAndDeletionsAreIgnoredAndEmitNothing() throws Exception {
        for (byte[] body : List.of(push("refs/heads/feature-x", SHA), push("refs/tags/v1.0.0", SHA),
                push("refs/heads/main", ZEROS, true))) {
            HttpResponse<String> response = webhook("push", UUID.randomUUID().toString(), body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            assertThat(json(response).path("ignored").asText()).isNotBlank();
            assertThat(json(response).has("run_id")).isFalse();
        }
        HttpResponse<String> issues = webhook("issues", UUID.randomUUID().toString(),
                "{\"action\": \"opened\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(issues.statusCode()).isEqualTo(202);
        assertThat(json(issues).path("ignored").asText()).contains("issues");
        assertThat(runs.since(mark)).isEmpty();
    }

    @Test
    void aPingIsAnsweredWith200() throws Exception {
        HttpResponse<String> response = webhook("ping", UUID.randomUUID().toString(), PushPayloads.ping());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("pong").asBoolean()).isTrue();
        assertThat(runs.since(mark)).isEmpty();
    }

    @Test
    void aMalformedPushOrAMissingDeliveryIdIs400() throws Exception {
        byte[] body = push("refs/heads/main", SHA);
        HttpResponse<String> noDelivery = post("webhooks/github", body, Map.of("Content-Type", "application/json",
                "X-GitHub-Event", "push", "X-Hub-Signature-256", SIGNATURE.sign(body)));
        HttpResponse<String> notJson = webhook("push", UUID.randomUUID().toString(),
                "{\"ref\": ".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> noAfter = webhook("push", UUID.randomUUID().toString(),
                "{\"ref\": \"refs/heads/main\", \"repository\": {\"full_name\": \"a/b\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertProblem(noDelivery, 400, "invalid-request");
        assertThat(json(noDelivery).path("field").asText()).isEqualTo("X-GitHub-Delivery");
        assertProblem(notJson, 400, "invalid-request");
        assertProblem(noAfter, 400, "invalid-request");
        assertThat(json(noAfter).path("field").asText()).isEqualTo("after");
        assertThat(runs.since(mark)).isEmpty();
    }

    @Test
    void anApiRunRequestEmitsRunRequested() throws Exception {
        // When
        HttpResponse<String> response = api("api/runs", """
                {"image_tag": "v1.2.3", "namespace": "stonks-inttest-ci-77", "skip_teardown": true, "scale": 2,
                 "backend": "kubernetes"}
                """);

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).path("run_id").asText()).isEqualTo("stonks-inttest-ci-77");
        ConsumerRecord<String, byte[]> record = single(runs.since(mark));
        assertThat(record.key()).isEqualTo("stonks-inttest-ci-77");
        RunRequested r = (RunRequested) KafkaEventRecords.decode(record).event();
        assertThat(r.imageTag()).isEqualTo("v1.2.3");
        assertThat(r.namespace()).isEqualTo("stonks-inttest-ci-77");
        assertThat(r.skipTeardown()).isTrue();
        assertThat(r.scale()).isEqualTo(2);
        assertThat(r.backend()).isEqualTo("kubernetes");
        assertThat(r.requestedBy()).as("the token's principal").isEqualTo("ci");
    }

    @Test
    void whoAsksComesFromTheTokenNeverFromTheBody() throws Exception {
        HttpResponse<String> response = api("api/runs", "{\"image_tag\": \"v1\", \"requested_by\": \"someone else\"}");

        assertProblem(response, 400, "invalid-request");
        assertThat(json(response).path("field").asText()).isEqualTo("requested_by");
        assertThat(runs.since(mark)).isEmpty();
    }

    @Test
    void anApiRunRequestWithoutNamespaceGetsAFreshRunId() throws Exception {
        HttpResponse<String> response = api("api/runs", "{\"image_tag\": \"latest\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String runId = json(response).path("run_id").asText();
        assertThat(runId).startsWith("stonks-inttest-api-");
        assertThat(single(runs.since(mark)).key()).isEqualTo(runId);
    }

    @Test
    void anInvalidApiRunRequestIs400NamingTheFieldAndEmitsNothing() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"image_tag\": \"a b\"}", "image_tag",
                "{\"image_tag\": \"v1\", \"namespace\": \"default\"}", "namespace",
                "{\"image_tag\": \"v1\", \"scale\": 0}", "scale",
                "{\"image_tag\": \"v1\", \"backend\": \"docker\"}", "backend",
                "{\"image_tag\": \"v1\", \"scael\": 2}", "scael",
                "{}", "image_tag");
        for (var c : cases.entrySet()) {
            HttpResponse<String> response = api("api/runs", c.getKey());

            assertProblem(response, 400, "invalid-request");
            assertThat(json(response).path("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(json(response).path("detail").asText()).as(c.getKey()).contains(c.getValue());
        }
        assertProblem(api("api/runs", "{\"image_tag\": "), 400, "invalid-request");
        assertThat(runs.since(mark)).isEmpty();
    }

    @Test
    void aCancelEmitsRunCancelRequested() throws Exception {
        HttpResponse<String> response = api("api/runs/stonks-inttest-ci-77/cancel", "{\"reason\": \"wrong tag\"}");
        HttpResponse<String> noBody = api("api/runs/stonks-inttest-ci-78/cancel", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(noBody.statusCode()).as(noBody.body()).isEqualTo(202);
        List<ConsumerRecord<String, byte[]>> records = runs.since(mark);
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(header(r, CloudEventAttributes.H_TYPE))
                .isEqualTo("dev.stonks.inttest.run.cancel-requested.v1"));
        RunCancelRequested cancel = records.stream().filter(r -> r.key().equals("stonks-inttest-ci-77"))
                .map(r -> (RunCancelRequested) KafkaEventRecords.decode(r).event()).findFirst().orElseThrow();
        assertThat(cancel.reason()).isEqualTo("wrong tag");
        assertThat(cancel.requestedBy()).isEqualTo("ci");
        assertProblem(api("api/runs/Not_A_Run/cancel", ""), 400, "invalid-request");
    }

    @Test
    void theApiNeedsTheBearerTokenAndTheWebhookDoesNot() throws Exception {
        String body = "{\"image_tag\": \"v1\"}";
        Map<String, String> json = Map.of("Content-Type", "application/json");

        HttpResponse<String> none = post("api/runs", body.getBytes(StandardCharsets.UTF_8), json);
        HttpResponse<String> wrong = post("api/runs", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer not-the-token"));
        HttpResponse<String> cancel = post("api/runs/stonks-inttest-x/cancel", new byte[0], Map.of());
        HttpResponse<String> viewer = post("api/runs", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TestTokens.VIEWER));
        HttpResponse<String> viewerCancel = post("api/runs/stonks-inttest-x/cancel", new byte[0],
                Map.of("Authorization", "Bearer " + TestTokens.VIEWER));

        assertProblem(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertProblem(wrong, 401, "unauthorized");
        assertProblem(cancel, 401, "unauthorized");
        assertProblem(viewer, 403, "forbidden");
        assertThat(json(viewer).path("detail").asText()).contains("runs:write").contains("viewer");
        assertProblem(viewerCancel, 403, "forbidden");
        assertThat(runs.since(mark)).isEmpty();
        assertThat(api("api/runs", body).statusCode()).isEqualTo(202);
    }

    @Test
    void replayWithoutAReporterAndHttpErrorsAreProblemsToo() throws Exception {
        // the replay door asks the reporter about the run first; without REPLAY_REPORTER_URL it cannot, and says so
        assertProblem(api("api/runs/stonks-inttest-x/replay", "{\"from_stage\": \"seed_data\"}"), 503,
                "replay-not-configured");
        assertProblem(api("api/runs/stonks-inttest-x/replay", "{\"from_stage\": \"deploy\"}"), 400,
                "invalid-request");
        assertProblem(post("api/runs", "image_tag=v1".getBytes(StandardCharsets.UTF_8), Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", "Bearer " + KafkaBrokerResource.API_TOKEN)), 415, null);
        assertThat(runs.since(mark)).isEmpty();
    }

    @Test
    void theGatewayBecomesReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        int status;
        do {
            status = HTTP.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                Thread.sleep(250);
            }
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(200);
    }

    private HttpResponse<String> webhook(String event, String delivery, byte[] body) throws IOException,
            InterruptedException {
        return post("webhooks/github", body, Map.of("Content-Type", "application/json", "X-GitHub-Event", event,
                "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", SIGNATURE.sign(body),
                "User-Agent", "GitHub-Hookshot/test"));
    }

    private HttpResponse<String> api(String path, String body) throws IOException, InterruptedException {
        return post(path, body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + KafkaBrokerResource.API_TOKEN));
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).isEqualTo(slug == null ? "about:blank"
                : "urn:inttest:problem:" + slug);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static ConsumerRecord<String, byte[]> single(List<ConsumerRecord<String, byte[]>> records) {
        assertThat(records).as("records on " + Topics.RUNS).hasSize(1);
        return records.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
