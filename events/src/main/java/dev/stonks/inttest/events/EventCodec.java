package dev.stonks.inttest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Encodes events into CloudEvents binary-mode Kafka records and decodes (and validates) them back. */
public final class EventCodec {

    private EventCodec() {
    }

    /** Encodes {@code event} as emitted by {@code service} (the source becomes {@code /inttest/<service>}). */
    public static EventEnvelope encode(InttestEvent event, String service) {
        return encode(event, service, null);
    }

    /** As {@link #encode(InttestEvent, String)}, marking the event as a replay of the event id {@code replayOf}. */
    public static EventEnvelope encode(InttestEvent event, String service, String replayOf) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEventAttributes.H_SPECVERSION, CloudEventAttributes.SPEC_VERSION);
        headers.put(CloudEventAttributes.H_ID, UUID.randomUUID().toString());
        headers.put(CloudEventAttributes.H_SOURCE, "/inttest/" + service);
        headers.put(CloudEventAttributes.H_TYPE, event.type().ceType());
        headers.put(CloudEventAttributes.H_SUBJECT, event.runId());
        headers.put(CloudEventAttributes.H_TIME, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        headers.put(CloudEventAttributes.H_CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
        if (replayOf != null) {
            headers.put(CloudEventAttributes.H_REPLAYOF, replayOf);
        }
        try {
            byte[] value = Json.MAPPER.writeValueAsBytes(event);
            return new EventEnvelope(event.type().topic(), event.runId(), headers, value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.type() + " of run " + event.runId(), e);
        }
    }

    /**
     * Decodes a received record. Throws {@link InvalidEventException} with the reason when the record is not a
     * valid event of this contract, or arrived on a topic its type does not belong to.
     */
    public static ReceivedEvent decode(String topic, Map<String, String> headers, byte[] value) {
        CloudEventAttributes attributes = CloudEventAttributes.fromHeaders(headers);
        EventType type = EventType.fromCeType(attributes.type());
        if (topic != null && !type.topic().equals(topic)) {
            throw new InvalidEventException(InvalidEventException.Reason.WRONG_TOPIC,
                    type.eventName() + " belongs on " + type.topic() + ", not " + topic);
        }
        JsonNode tree;
        try {
            tree = value == null ? null : Json.MAPPER.readTree(value);
        } catch (IOException e) {
            throw new InvalidEventException(InvalidEventException.Reason.NOT_JSON, "data is not JSON: "
                    + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(InvalidEventException.Reason.NOT_JSON, "data is not a JSON object");
        }
        InttestEvent event;
        try {
            event = Json.MAPPER.treeToValue(tree, type.dataClass());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    type.eventName() + ": " + firstLine(cause.getMessage()), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    type.eventName() + ": " + firstLine(e.getMessage()), e);
        }
        if (attributes.subject() != null && !attributes.subject().equals(event.runId())) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    "ce_subject '" + attributes.subject() + "' differs from run_id '" + event.runId() + "'");
        }
        return new ReceivedEvent(attributes, event);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
