package dev.stonks.inttest.provisioner.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ReceivedEvent;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.provisioner.testing.Events;
import dev.stonks.inttest.provisioner.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The wiring, against a real broker: the app consumes inttest.runs and inttest.stages on one channel, publishes its
 * stages on inttest.stages, and dead-letters what it cannot read while going on with the next record.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class ProvisionerKafkaIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void atStartUpTheReaperRemovedTheExpiredSandboxOnly() throws Exception {
        Path root = Path.of(ConfigProvider.getConfig().getValue(KafkaBrokerResource.SANDBOX_ROOT, String.class));
        Instant deadline = Instant.now().plusSeconds(30);
        while (Files.exists(root.resolve(KafkaBrokerResource.STALE_RUN)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(root.resolve(KafkaBrokerResource.STALE_RUN)).doesNotExist();
        assertThat(root.resolve(KafkaBrokerResource.FOREIGN).resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void runRequestedProvisionsAPoisonRecordIsDeadLetteredAndACancelledRunIsTornDownByTheChain() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Path root = Path.of(ConfigProvider.getConfig().getValue(KafkaBrokerResource.SANDBOX_ROOT, String.class));
        String run = "stonks-inttest-kafka-" + Long.toHexString(System.nanoTime());
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
                KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(Topics.STAGES, Topics.DLQ));

            // Given: a poison record on inttest.runs, then a good run.requested behind it
            EventEnvelope good = EventCodec.encode(Events.runRequested(run, "latest", false), "test");
            RecordHeaders headers = new RecordHeaders();
            good.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.RUNS, null, run, "not json {".getBytes(StandardCharsets.UTF_8),
                    headers)).get();
            producer.send(KafkaEventRecords.toProducerRecord(good)).get();

            // Then: the poison is in the dead-letter topic with its reason
            ConsumerRecord<String, byte[]> dead = await(consumer, r -> r.topic().equals(Topics.DLQ)
                    && run.equals(r.key()));
            assertThat(header(dead, "dead-letter-reason")).contains("not-json");
            // and the good one after it runs infra_deploy: stage.started, then stage.completed ok on inttest.stages
            ConsumerRecord<String, byte[]> started = await(consumer, r -> is(r, run, "stage.started"));
            assertThat(decode(started).event()).isInstanceOfSatisfying(StageStarted.class,
                    s -> assertThat(s.stage()).isEqualTo(Stage.INFRA_DEPLOY));
            assertThat(header(started, "ce_source")).isEqualTo("/inttest/provisioner");
            StageCompleted infra = (StageCompleted) decode(await(consumer, r -> is(r, run, "stage.completed"))).event();
            assertThat(infra.stage()).isEqualTo(Stage.INFRA_DEPLOY);
            assertThat(infra.status()).as(String.valueOf(infra.error())).isEqualTo(StageStatus.OK);
            assertThat(infra.context().infra()).containsOnlyKeys("postgres", "redis", "s3");
            assertThat(root.resolve(run).resolve("sandbox.json")).exists();

            // When: the run is cancelled, and then its seed_data completes
            producer.send(KafkaEventRecords.toProducerRecord(EventCodec.encode(
                    new RunCancelRequested(run, "test over", Instant.now(), "test"), "test"))).get();
            Thread.sleep(2000); // the cancel reaches the provisioner before the next trigger does
            producer.send(KafkaEventRecords.toProducerRecord(EventCodec.encode(new StageCompleted(run,
                    Stage.SEED_DATA, 1, StageStatus.OK, Instant.now(), Instant.now(), 0.1, null, null,
                    infra.context()), "test"))).get();

            // Then: service_deploy is refused as cancelled, which leads to teardown, and the sandbox is gone
            StageCompleted services = (StageCompleted) decode(await(consumer, r -> is(r, run, "stage.completed")
                    && new String(r.value(), StandardCharsets.UTF_8).contains("\"stage\":\"service_deploy\"")))
                    .event();
            assertThat(services.status()).isEqualTo(StageStatus.FAILED);
            assertThat(services.error().kind()).isEqualTo("cancelled");
            StageCompleted teardown = (StageCompleted) decode(await(consumer, r -> is(r, run, "stage.completed")
                    && new String(r.value(), StandardCharsets.UTF_8).contains("\"stage\":\"teardown\""))).event();
            assertThat(teardown.status()).as(String.valueOf(teardown.error())).isEqualTo(StageStatus.OK);
            assertThat(teardown.output().path("stopped")).hasSize(3);
            assertThat(root.resolve(run)).doesNotExist();
        }
    }

    private static boolean is(ConsumerRecord<String, byte[]> r, String run, String type) {
        return r.topic().equals(Topics.STAGES) && run.equals(r.key())
                && header(r, "ce_type").equals("dev.stonks.inttest." + type + ".v1");
    }

    private static ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
        return KafkaEventRecords.decode(record);
    }

    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    /** The first record (seen before or polled now) that matches; each record is returned once. */
    private ConsumerRecord<String, byte[]> await(KafkaConsumer<String, byte[]> consumer,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> r : seen) {
                if (match.test(r)) {
                    seen.remove(r);
                    return r;
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        throw new AssertionError("no matching record within " + WAIT.toSeconds() + " s; seen: " + seen.stream()
                .map(r -> r.topic() + "/" + header(r, "ce_type")).toList());
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "provisioner-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
