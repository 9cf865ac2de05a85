package dev.stonks.inttest.reporter.testing;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.KafkaEventRecords;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a run's events on a real broker as the pipeline's services would. */
public final class PipelineEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, String> tags = new java.util.concurrent.ConcurrentHashMap<>();

    public PipelineEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(InttestEvent event) {
        publish(EventCodec.encode(event, "it"));
    }

    /** Publishes an encoded event as it is: the same envelope twice is one event delivered twice (same id). */
    public void publish(EventEnvelope envelope) {
        try {
            producer.send(KafkaEventRecords.toProducerRecord(envelope)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void requested(String run, String imageTag, String branch) {
        requested(run, imageTag, branch, "stonks/stonks");
    }

    /** A request of a build of {@code repository} (with the local backend, its target is {@code <repository>@local}). */
    public void requested(String run, String imageTag, String branch, String repository) {
        tags.put(run, imageTag);
        publish(new RunRequested(run, imageTag, run, false, 1, "local", Instant.now(), "it",
                new GitRef(repository, "refs/heads/" + branch, imageTag)));
    }

    public void started(String run, Stage stage) {
        publish(new StageStarted(run, stage, 1, Instant.now(), context(run)));
    }

    /** stage.completed ok, with an output (or none). */
    public void completed(String run, Stage stage, Object output) {
        completed(run, stage, output, 0.25);
    }

    /** stage.completed ok after {@code durationS}, ending now. */
    public void completed(String run, Stage stage, Object output, double durationS) {
        Instant now = Instant.now();
        publish(new StageCompleted(run, stage, 1, StageStatus.OK, now.minusMillis(Math.round(durationS * 1000)), now,
                durationS, null, output == null ? null : Json.tree(output), context(run)));
    }

    public RunContext context(String run) {
        return new RunContext(tags.getOrDefault(run, "abc123"), run, false, 1, "local", Map.of(), Map.of());
    }

    @Override
    public void close() {
        producer.close();
    }
}
