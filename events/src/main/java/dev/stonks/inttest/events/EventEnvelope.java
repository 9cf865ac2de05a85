package dev.stonks.inttest.events;

import java.util.Map;

/**
 * An event as it travels on Kafka in CloudEvents binary mode: the key (run id), the topic, the headers
 * ({@code ce_*} attributes and {@code content-type}) and the JSON data as the value.
 */
public record EventEnvelope(String topic, String key, Map<String, String> headers, byte[] value) {
    public EventEnvelope {
        headers = Map.copyOf(headers);
    }
}
