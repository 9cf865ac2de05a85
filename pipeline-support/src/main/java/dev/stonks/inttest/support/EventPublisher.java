package dev.stonks.inttest.support;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes contract events on the {@code events-out} channel, on the topic of their type, keyed by run id. Waits for
 * the broker's acknowledgement so that a run's events are written in the order they were published.
 */
@ApplicationScoped
public class EventPublisher {
    public static final String CHANNEL = "events-out";
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final Emitter<byte[]> emitter;
    private final PipelineConfig config;

    public EventPublisher(@Channel(CHANNEL) Emitter<byte[]> emitter, PipelineConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public void publish(InttestEvent event) {
        publish(event, null);
    }

    /** Publishes {@code event}; {@code replayOf} (may be null) marks it as the replay of an earlier event id. */
    public void publish(InttestEvent event, String replayOf) {
        EventEnvelope envelope = EventCodec.encode(event, config.service(), replayOf);
        try {
            send(envelope);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.type().eventName() + " of run "
                    + event.runId(), e);
        }
        LOG.infof("run %s: published %s", event.runId(), describe(event));
    }

    /**
     * Sends an envelope made elsewhere (e.g. the reporter's CDEvents) through the same producer and waits up to 30 s
     * for the broker's acknowledgement; throws when it is refused or not acknowledged in time.
     */
    public void send(EventEnvelope envelope) throws Exception {
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

    private static String describe(InttestEvent event) {
        if (event instanceof StageStarted s) {
            return "stage.started " + s.stage().id() + " #" + s.attempt();
        }
        if (event instanceof StageCompleted c) {
            return "stage.completed " + c.stage().id() + " #" + c.attempt() + " " + c.status().id();
        }
        return event.type().eventName();
    }
}
