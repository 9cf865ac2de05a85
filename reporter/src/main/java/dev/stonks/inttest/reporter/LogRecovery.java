package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import dev.stonks.inttest.reporter.history.HistoryReads;
import dev.stonks.inttest.reporter.history.HistoryWriter;
import dev.stonks.inttest.reporter.history.HistoryWrites;
import jakarta.enterprise.inject.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The log is the truth: whenever partitions of inttest.runs / inttest.stages are assigned to this reporter (at
 * start-up, after a crash, after a rebalance), it first reads the verdicts published within the horizon (so none is
 * published twice), then rewinds the assigned partitions by {@code reporter.recovery-horizon} and rebuilds every run from its
 * events. Until those are read again, the watchdog waits ({@link #caughtUp()}) and records that were dead-lettered
 * when first seen are not dead-lettered again ({@link #replaying}).
 */
@ApplicationScoped
@Default
@Identifier(LogRecovery.NAME)
public class LogRecovery implements KafkaConsumerRebalanceListener {
    static final String NAME = "reporter-log-recovery";
    private static final Logger LOG = Logger.getLogger(LogRecovery.class);

    private final String bootstrapServers;
    private final Duration horizon;
    private final VerdictLedger ledger;
    private final HistoryReads reads;
    private final HistoryWrites writes;
    private final HistoryWriter writer;
    private final Map<TopicPartition, Long> replayUntil = new ConcurrentHashMap<>();
    private volatile boolean assigned;

    public LogRecovery(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            ReporterConfig config, VerdictLedger ledger, HistoryReads reads, HistoryWrites writes,
            HistoryWriter writer) {
        this.bootstrapServers = bootstrapServers;
        this.horizon = config.recoveryHorizon();
        this.ledger = ledger;
        this.reads = reads;
        this.writes = writes;
        this.writer = writer;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        Instant since = Instant.now().minus(horizon);
        int verdicts = readVerdicts(since);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        TopicReader.seek(consumer, partitions, since, ends, Duration.ofSeconds(30));
        long toReplay = 0;
        for (TopicPartition tp : partitions) {
            long start = consumer.position(tp);
            if (ends.get(tp) > start) {
                replayUntil.put(tp, ends.get(tp));
                toReplay += ends.get(tp) - start;
            }
        }
        assigned = true;
        LOG.infof("recovery: %d partition(s) assigned; %d verdict(s) on the log; rebuilding runs from %d event(s) "
                + "of the last %s (%.1f s to read the verdicts)", partitions.size(), verdicts, toReplay, horizon,
                (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(replayUntil::remove);
    }

    /** Whether a record is one this reporter already saw before it (re)started: it is being read again. */
    boolean replaying(String topic, int partition, long offset) {
        Long until = replayUntil.get(new TopicPartition(topic, partition));
        return until != null && offset < until;
    }

    /** Notes that the record at {@code offset} was applied. */
    void applied(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        replayUntil.computeIfPresent(tp, (k, until) -> offset + 1 >= until ? null : until);
    }

    /** Whether every assigned partition has been read up to where it ended at assignment. */
    boolean caughtUp() {
        return assigned && replayUntil.isEmpty();
    }

    /**
     * The verdicts of the horizon: runs older than it are not rebuilt, so their verdicts are not needed. A verdict
     * the history lacks (its write failed, or another reporter published it) is written into it.
     */
    private int readVerdicts(Instant since) {
        int count = 0;
        List<ObjectNode> verdicts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readSince(bootstrapServers, Topics.VERDICTS, since,
                Duration.ofSeconds(60))) {
            try {
                if (KafkaEventRecords.decode(record).event() instanceof RunVerdict v
                        && v.results() instanceof ObjectNode results) {
                    ledger.record(v.runId(), attemptOf(results));
                    verdicts.add(results);
                    count++;
                }
            } catch (InvalidEventException e) {
                // not a verdict of ours: nothing to remember
            }
        }
        backfill(verdicts);
        return count;
    }

    private void backfill(List<ObjectNode> verdicts) {
        if (verdicts.isEmpty()) {
            return;
        }
        Set<String> known;
        try {
            known = writer.read(() -> reads.withVerdict(verdicts.stream().map(r -> r.path("run_id").asText())
                    .distinct().toList()));
        } catch (RuntimeException e) {
            LOG.warnf("recovery: cannot read the history (%s); verdicts not checked against it", e.getMessage());
            return;
        }
        for (ObjectNode results : verdicts) {
            String runId = results.path("run_id").asText();
            if (!known.contains(runId)) {
                writer.write(runId, "verdict read from the log", () -> writes.verdict(results));
            }
        }
    }

    /** The attempt a verdict was for: the highest attempt among its stages. */
    static int attemptOf(JsonNode results) {
        int attempt = 1;
        for (JsonNode stage : results.path("stages")) {
            attempt = Math.max(attempt, stage.path("attempt").asInt(1));
        }
        return attempt;
    }
}
