package dev.stonks.inttest.cli;

import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ReceivedEvent;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one run on inttest.stages and inttest.verdicts (every partition, from their beginning or their end, no
 * consumer group) until its verdict, handing each of the run's events to a listener.
 */
final class RunWatcher implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final String runId;

    RunWatcher(String bootstrapServers, String runId) {
        this(bootstrapServers, runId, false);
    }

    /** {@code fromEnd}: only events published after this constructor (topics that hold earlier runs). */
    RunWatcher(String bootstrapServers, String runId, boolean fromEnd) {
        this.runId = runId;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = TopicReader.partitions(consumer, List.of(Topics.STAGES, Topics.VERDICTS),
                Duration.ofSeconds(60));
        consumer.assign(partitions);
        if (fromEnd) {
            consumer.seekToEnd(partitions);
        } else {
            consumer.seekToBeginning(partitions);
        }
        // resolve positions now, so nothing published after this constructor is missed
        partitions.forEach(consumer::position);
    }

    /** Waits for the run's verdict; empty when {@code timeout} passes first. */
    Optional<RunVerdict> awaitVerdict(Duration timeout, Consumer<ReceivedEvent> listener) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<RunVerdict> verdict = pollOnce(listener);
            if (verdict.isPresent()) {
                return verdict;
            }
        }
        return Optional.empty();
    }

    /** One poll (200 ms at most): hands on the run's events; the verdict when it was among them. */
    Optional<RunVerdict> pollOnce(Consumer<ReceivedEvent> listener) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (!runId.equals(record.key())) {
                continue;
            }
            ReceivedEvent received;
            try {
                received = KafkaEventRecords.decode(record);
            } catch (InvalidEventException e) {
                continue; // the services dead-letter it; the watcher only reports valid events
            }
            listener.accept(received);
            if (received.event() instanceof RunVerdict verdict) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
