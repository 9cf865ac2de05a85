package dev.stonks.inttest.support;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ReceivedEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Decodes incoming Kafka messages into contract events and drops redeliveries of events this process has already
 * handled. An invalid record raises {@link InvalidEventException}; the handler nacks it, and the channel's
 * dead-letter-queue strategy moves it to {@code inttest.dlq} with the reason.
 */
@ApplicationScoped
public class ReceivedEvents {
    private static final Logger LOG = Logger.getLogger(ReceivedEvents.class);

    private final Set<String> handled;

    public ReceivedEvents(PipelineConfig config) {
        int capacity = config.dedupCapacity();
        this.handled = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
    }

    /**
     * The shape of every handler: decode, skip a redelivery, act, then ack. An invalid event or a failure of the
     * action nacks the message, which the channel's dead-letter strategy sends to {@code inttest.dlq} with the
     * reason; the consumer then goes on with the next record.
     */
    public CompletionStage<Void> handle(Message<byte[]> message, Consumer<ReceivedEvent> action) {
        Optional<ReceivedEvent> received;
        try {
            received = decodeFirstDelivery(message);
        } catch (InvalidEventException e) {
            LOG.warnf("dead-lettering an invalid record: %s", e.getMessage());
            return message.nack(e);
        }
        if (received.isEmpty()) {
            return message.ack();
        }
        try {
            action.accept(received.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %s: could not handle %s", received.get().event().runId(),
                    received.get().event().type().eventName());
            return message.nack(e);
        }
        return message.ack();
    }

    public ReceivedEvent decode(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new InvalidEventException(InvalidEventException.Reason.MISSING_ATTRIBUTE,
                        "not a Kafka record"));
        return EventCodec.decode(metadata.getTopic(), KafkaEventRecords.headerMap(metadata.getHeaders()),
                message.getPayload());
    }

    /**
     * Decodes the message, or returns empty when this process already handled an event with the same id (a
     * redelivery after a rebalance). Handlers stay idempotent on their own for redeliveries after a crash.
     */
    public Optional<ReceivedEvent> decodeFirstDelivery(Message<byte[]> message) {
        ReceivedEvent received = decode(message);
        if (!handled.add(received.attributes().id())) {
            LOG.infof("run %s: ignoring redelivered event %s (%s)", received.event().runId(),
                    received.attributes().id(), received.event().type().eventName());
            return Optional.empty();
        }
        return Optional.of(received);
    }
}
