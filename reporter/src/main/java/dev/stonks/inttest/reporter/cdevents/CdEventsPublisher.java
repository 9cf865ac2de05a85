package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.PipelineConfig;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes a verdict's CDEvents on {@code inttest.cdevents}, through the same producer as the pipeline's events,
 * each acknowledged by the broker before the next. They restate the verdict for CD tools: one that cannot be
 * published is logged and never holds back what follows the verdict (history, live streams).
 */
@ApplicationScoped
public class CdEventsPublisher {
    private static final Logger LOG = Logger.getLogger(CdEventsPublisher.class);
    private final Emitter<byte[]> emitter;
    private final String source;

    public CdEventsPublisher(@Channel(EventPublisher.CHANNEL) Emitter<byte[]> emitter, PipelineConfig config) {
        this.emitter = emitter;
        this.source = "/inttest/" + config.service();
    }

    /** The CDEvents of the verdict whose results are {@code results}, decided at {@code decidedAt}. */
    public void publish(JsonNode results, Instant decidedAt) {
        String runId = results.get("run_id").asText();
        for (CdEvent event : VerdictCdEvents.of(results, source, decidedAt)) {
            try {
                send(CdEventRecords.envelope(runId, event));
                LOG.infof("run %s: published %s", runId, event.context().type());
            } catch (Exception e) {
                LOG.warnf(e, "run %s: %s not published", runId, event.context().type());
            }
        }
    }

    private void send(EventEnvelope envelope) throws Exception {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(envelope.topic()).withKey(envelope.key())
                .withHeaders(KafkaEventRecords.toHeaders(envelope)).build();
        emitter.send(Message.of(envelope.value()).addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        acked.get(30, TimeUnit.SECONDS);
    }
}
