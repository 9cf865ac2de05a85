package dev.stonks.inttest.gateway.webhook;

import static dev.stonks.inttest.gateway.testing.PushPayloads.SHA;
import static dev.stonks.inttest.gateway.testing.PushPayloads.ZEROS;
import static dev.stonks.inttest.gateway.testing.PushPayloads.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.gateway.http.GatewayException;
import dev.stonks.inttest.gateway.http.GatewayException.Reason;
import dev.stonks.inttest.gateway.runs.RunIds;
import dev.stonks.inttest.gateway.runs.RunRequests;
import dev.stonks.inttest.gateway.testing.PushPayloads;
import dev.stonks.inttest.gateway.testing.RecordingRunEvents;
import dev.stonks.inttest.gateway.testing.TestConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GitHubWebhooksTest {
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private static final WebhookSignature SIGNATURE = new WebhookSignature(TestConfig.SECRET);

    private final RecordingRunEvents events = new RecordingRunEvents();
    private final DeliveryLog log = new DeliveryLog(100);
    private GitHubWebhooks webhooks = webhooks(TestConfig.defaults());

    @Test
    void aPushToMainRequestsARunOfItsCommit() {
        // When
        WebhookOutcome outcome = webhooks.handle(signed("push", DELIVERY, push("refs/heads/main", SHA)));

        // Then
        String runId = RunIds.forDelivery(DELIVERY);
        assertThat(outcome).isEqualTo(new WebhookOutcome.Requested(runId, SHA));
        assertThat(events.published).singleElement().isInstanceOfSatisfying(RunRequested.class, r -> {
            assertThat(r.runId()).isEqualTo(runId);
            assertThat(r.imageTag()).isEqualTo(SHA);
            assertThat(r.git()).isEqualTo(new GitRef(PushPayloads.REPOSITORY, "refs/heads/main", SHA));
            assertThat(r.requestedBy()).isEqualTo("octocat");
            assertThat(r.backend()).isEqualTo("local");
        });
    }

    @Test
    void aRedeliveryAnswersWithTheSameRunAndEmitsNothing() {
        // Given
        webhooks.handle(signed("push", DELIVERY, push("refs/heads/main", SHA)));

        // When
        WebhookOutcome again = webhooks.handle(signed("push", DELIVERY, push("refs/heads/main", SHA)));

        // Then
        assertThat(again).isEqualTo(new WebhookOutcome.Duplicate(RunIds.forDelivery(DELIVERY), SHA));
        assertThat(events.published).hasSize(1);
    }

    @Test
    void whenKafkaDoesNotTakeTheEventNothingIsRecordedSoTheRedeliveryEmits() {
        // Given
        events.kafkaDown = true;
        assertThatThrownBy(() -> webhooks.handle(signed("push", DELIVERY, push("refs/heads/main", SHA))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EVENT_NOT_PUBLISHED));
        assertThat(log.find(DELIVERY)).isEmpty();

        // When
        events.kafkaDown = false;
        WebhookOutcome redelivered = webhooks.handle(signed("push", DELIVERY, push("refs/heads/main", SHA)));

        // Then
        assertThat(redelivered).isInstanceOf(WebhookOutcome.Requested.class);
        assertThat(events.published).hasSize(1);
    }

    @Test
    void withoutASecretNothingIsAccepted() {
        webhooks = webhooks(TestConfig.defaults().withSecret(null));

        assertRejected(signed("push", DELIVERY, push("refs/heads/main", SHA)), Reason.WEBHOOK_NOT_CONFIGURED);
        assertRejected(new WebhookDelivery("push", DELIVERY, null, "application/json",
                push("refs/heads/main", SHA)), Reason.WEBHOOK_NOT_CONFIGURED);
        webhooks = webhooks(TestConfig.defaults().withSecret("  "));
        assertRejected(signed("push", DELIVERY, push("refs/heads/main", SHA)), Reason.WEBHOOK_NOT_CONFIGURED);
        assertThat(events.published).isEmpty();
    }

    @Test
    void aMissingOrWrongSignatureIsRejectedBeforeAnythingElse() {
        byte[] body = push("refs/heads/main", SHA);
        assertRejected(new WebhookDelivery("push", DELIVERY, null, "application/json", body), Reason.INVALID_SIGNATURE);
        assertRejected(new WebhookDelivery("push", DELIVERY, new WebhookSignature("other").sign(body),
                "application/json", body), Reason.INVALID_SIGNATURE);
        assertRejected(new WebhookDelivery("push", DELIVERY, SIGNATURE.sign(body), "application/json",
                push("refs/heads/main", ZEROS)), Reason.INVALID_SIGNATURE);
        // even without the other headers: an unauthenticated caller learns nothing more
        assertRejected(new WebhookDelivery(null, null, "sha256=00", null, body), Reason.INVALID_SIGNATURE);
        assertThat(events.published).isEmpty();
    }

    @Test
    void missingHeadersAreABadRequest() {
        byte[] body = push("refs/heads/main", SHA);
        assertRejected(new WebhookDelivery("push", null, SIGNATURE.sign(body), "application/json", body),
                Reason.INVALID_REQUEST);
        assertRejected(new WebhookDelivery(null, DELIVERY, SIGNATURE.sign(body), "application/json", body),
                Reason.INVALID_REQUEST);
        assertThat(events.published).isEmpty();
    }

    @Test
    void aPingIsAnsweredAndOtherEventsAreIgnored() {
        assertThat(webhooks.handle(signed("ping", DELIVERY, PushPayloads.ping())))
                .isInstanceOf(WebhookOutcome.Pong.class);
        assertThat(webhooks.handle(signed("issues", DELIVERY, "{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(WebhookOutcome.Ignored.class,
                        i -> assertThat(i.reason()).contains("issues"));
        assertThat(events.published).isEmpty();
    }

    @Test
    void pushesThatRequestNothingAreIgnoredAndNotRemembered() {
        assertIgnored(push("refs/heads/feature-x", SHA), "feature-x");
        assertIgnored(push("refs/tags/v1.0.0", SHA), "not a branch");
        assertIgnored(push("refs/heads/main", ZEROS, true), "deleted");
        assertThat(events.published).isEmpty();
        assertThat(log.size()).isZero();
    }

    @Test
    void aMalformedPushIsABadRequest() {
        assertRejected(signed("push", DELIVERY, "{not json".getBytes(StandardCharsets.UTF_8)), Reason.INVALID_REQUEST);
        assertRejected(signed("push", DELIVERY, "[1, 2]".getBytes(StandardCharsets.UTF_8)), Reason.INVALID_REQUEST);
        assertRejected(signed("push", DELIVERY, "{\"ref\": \"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8)),
                Reason.INVALID_REQUEST);
        assertThat(events.published).isEmpty();
    }

    @Test
    void aFormEncodedDeliveryIsReadFromItsPayloadParameter() {
        // Given: a webhook set up with content type application/x-www-form-urlencoded; the signature covers the form
        String json = new String(push("refs/heads/main", SHA), StandardCharsets.UTF_8);
        byte[] form = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        // When
        WebhookOutcome outcome = webhooks.handle(new WebhookDelivery("push", DELIVERY, SIGNATURE.sign(form),
                "application/x-www-form-urlencoded", form));

        // Then
        assertThat(outcome).isInstanceOf(WebhookOutcome.Requested.class);
    }

    private void assertIgnored(byte[] body, String reason) {
        assertThat(webhooks.handle(signed("push", "d-" + reason, body)))
                .isInstanceOfSatisfying(WebhookOutcome.Ignored.class, i -> assertThat(i.reason()).contains(reason));
    }

    private void assertRejected(WebhookDelivery delivery, Reason reason) {
        assertThatThrownBy(() -> webhooks.handle(delivery)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static WebhookDelivery signed(String event, String delivery, byte[] body) {
        return new WebhookDelivery(event, delivery, SIGNATURE.sign(body), "application/json", body);
    }

    private GitHubWebhooks webhooks(TestConfig config) {
        return new GitHubWebhooks(config, new PushFilter(config), log, new RunRequests(config), events);
    }
}
