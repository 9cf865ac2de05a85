package dev.stonks.inttest.support.stage;

import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads inttest.runs and inttest.stages into a {@link RunLog}: every partition (no consumer group: every replica
 * needs every cancel), from {@code lookback} ago, then follows the log. The log counts as caught up once the reader
 * reached the end offsets the topics had when it started.
 */
final class RunLogReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RunLogReader.class);
    private static final List<String> TOPICS = List.of(Topics.RUNS, Topics.STAGES);

    private final String bootstrapServers;
    private final Duration lookback;
    private final RunLog log;
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean closed;

    RunLogReader(String bootstrapServers, Duration lookback, RunLog log) {
        this.bootstrapServers = bootstrapServers;
        this.lookback = lookback;
        this.log = log;
        this.thread = new Thread(this::read, "run-log-reader");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void read() {
        while (!closed) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warnf("run log: reading %s failed (%s); retrying", TOPICS, e.getMessage());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> partitions = TopicReader.partitions(c, TOPICS, Duration.ofSeconds(10));
        if (partitions.isEmpty()) {
            throw new IllegalStateException("no partitions of " + TOPICS + " yet");
        }
        c.assign(partitions);
        Map<TopicPartition, Long> ends = c.endOffsets(partitions, Duration.ofSeconds(10));
        TopicReader.seek(c, partitions, Instant.now().minus(lookback), ends, Duration.ofSeconds(10));
        while (!closed) {
            for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                try {
                    log.accept(KafkaEventRecords.decode(record).event());
                } catch (InvalidEventException e) {
                    // the stage consumers dead-letter it; the run log only learns from valid events
                }
            }
            if (!log.isCaughtUp() && partitions.stream().allMatch(tp -> c.position(tp) >= ends.get(tp))) {
                log.markCaughtUp();
                LOG.debugf("run log: caught up with %s", TOPICS);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
