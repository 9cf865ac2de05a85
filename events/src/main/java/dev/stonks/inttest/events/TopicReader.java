package dev.stonks.inttest.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics without a consumer group: every partition of a topic from its beginning (or from a point in time) up
 * to the end it had when the read started, for the reporter's recovery, tools and tests; and the partitions a
 * groupless follower assigns itself.
 */
public final class TopicReader {
    private TopicReader() {
    }

    /** Every partition of {@code topics}, in order. */
    public static List<TopicPartition> partitions(Consumer<?, ?> consumer, Collection<String> topics,
            Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, timeout).forEach(p -> partitions.add(new TopicPartition(topic,
                    p.partition())));
        }
        return partitions;
    }

    /** @throws IllegalStateException when the topic cannot be read to its end within {@code timeout} */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic,
            Duration timeout) {
        return readSince(bootstrapServers, topic, null, timeout);
    }

    /**
     * The records written at or after {@code since} (null: all), up to the end the topic had when the read started.
     *
     * @throws IllegalStateException when the topic cannot be read to its end within {@code timeout}
     */
    public static List<ConsumerRecord<String, byte[]>> readSince(String bootstrapServers, String topic, Instant since,
            Duration timeout) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, List.of(topic), timeout);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            seek(consumer, partitions, since, ends, timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within "
                            + timeout.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /**
     * Positions {@code consumer} on each partition at the first record written at or after {@code since} (the end
     * when there is none; the beginning when {@code since} is null).
     */
    public static void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Instant since,
            Map<TopicPartition, Long> ends, Duration timeout) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(times, timeout);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp o = from.get(tp);
            consumer.seek(tp, o == null ? ends.get(tp) : o.offset());
        }
    }
}
