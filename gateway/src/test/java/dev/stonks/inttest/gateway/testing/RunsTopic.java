package dev.stonks.inttest.gateway.testing;

import dev.stonks.inttest.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code inttest.runs} between two points in time. The gateway answers only once Kafka acknowledged its event,
 * so the records written because of a request are all below the end offsets read after its answer: {@link #mark()}
 * before the request, {@link #since} after it gives exactly what the request emitted, without waiting for "nothing".
 */
public final class RunsTopic implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    public RunsTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(Topics.RUNS, WAIT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
    }

    /** The end offsets now. */
    public Map<TopicPartition, Long> mark() {
        return consumer.endOffsets(partitions, WAIT);
    }

    /** Every record written after {@code mark}, up to the end offsets now. */
    public List<ConsumerRecord<String, byte[]>> since(Map<TopicPartition, Long> mark) {
        Map<TopicPartition, Long> end = mark();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (TopicPartition p : partitions) {
            consumer.seek(p, mark.get(p));
        }
        Instant deadline = Instant.now().plus(WAIT);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("could not read " + Topics.RUNS + " up to " + end + " within " + WAIT);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(r);
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
