package dev.stonks.inttest.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Converts between the contract's envelopes and plain kafka-clients records (String keys, byte[] values). */
public final class KafkaEventRecords {
    private KafkaEventRecords() {
    }

    public static ProducerRecord<String, byte[]> toProducerRecord(EventEnvelope envelope) {
        return new ProducerRecord<>(envelope.topic(), null, envelope.key(), envelope.value(), toHeaders(envelope));
    }

    public static Headers toHeaders(EventEnvelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        envelope.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    public static Map<String, String> headerMap(Headers headers) {
        Map<String, String> map = new HashMap<>();
        for (Header h : headers) {
            if (h.value() != null) {
                map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    public static ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
        return EventCodec.decode(record.topic(), headerMap(record.headers()), record.value());
    }
}
