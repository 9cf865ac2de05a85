package dev.stonks.inttest.gateway;

import static dev.stonks.inttest.gateway.testing.PushPayloads.SHA;
import static dev.stonks.inttest.gateway.testing.PushPayloads.push;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.gateway.testing.KafkaBrokerResource;
import dev.stonks.inttest.gateway.testing.UnreachableKafkaResource;
import dev.stonks.inttest.gateway.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When Kafka cannot take the event, the webhook answers 503 (so the delivery can be redelivered) instead of 202, and
 * answers within the producer's bounded timeouts rather than after EventPublisher's 30 s.
 */
@QuarkusTest
@QuarkusTestResource(value = UnreachableKafkaResource.class, restrictToAnnotatedClass = true)
class GatewayKafkaDownIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/webhooks/github")
    URI webhook;

    @Test
    void aPushThatKafkaDoesNotTakeIs503AndCanBeRedelivered() throws Exception {
        // Given
        byte[] body = push("refs/heads/main", SHA);
        String delivery = UUID.randomUUID().toString();

        // When
        HttpResponse<String> first = send(body, delivery);
        HttpResponse<String> redelivery = send(body, delivery);

        // Then: both 503 with a problem; the redelivery was tried again, not answered as a duplicate
        for (HttpResponse<String> response : List.of(first, redelivery)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(Json.MAPPER.readTree(response.body()).path("type").asText())
                    .isEqualTo("urn:inttest:problem:event-not-published");
        }
    }

    private HttpResponse<String> send(byte[] body, String delivery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", new WebhookSignature(KafkaBrokerResource.WEBHOOK_SECRET).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        // generous: the producer gives up after about 6-8 s; EventPublisher alone would wait 30 s
        assertThat(seconds).as("seconds to answer").isLessThan(25);
        return response;
    }
}
