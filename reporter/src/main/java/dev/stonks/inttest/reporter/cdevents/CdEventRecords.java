package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stonks.inttest.events.CloudEventAttributes;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.Topics;
import java.util.Map;

/**
 * A CDEvent as a Kafka record on {@code inttest.cdevents} in CloudEvents binary mode, by the spec's CloudEvents
 * binding: {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time} are the context's, {@code ce_subject}
 * the subject's id; the value is the whole CDEvent as JSON; the key is the run id.
 */
public final class CdEventRecords {
    /** CDEvents name their fields in camelCase: not the pipeline's snake_case mapper. */
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private CdEventRecords() {
    }

    public static EventEnvelope envelope(String runId, CdEvent event) {
        Map<String, String> headers = Map.of(
                CloudEventAttributes.H_SPECVERSION, CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.H_ID, event.context().id(),
                CloudEventAttributes.H_SOURCE, event.context().source(),
                CloudEventAttributes.H_TYPE, event.context().type(),
                CloudEventAttributes.H_SUBJECT, event.subject().id(),
                CloudEventAttributes.H_TIME, event.context().timestamp(),
                CloudEventAttributes.H_CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
        return new EventEnvelope(Topics.CDEVENTS, runId, headers, json(event));
    }

    public static byte[] json(CdEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.context().type(), e);
        }
    }
}
