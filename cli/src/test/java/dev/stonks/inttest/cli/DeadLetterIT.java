package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.events.output.TestsOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison records on every consumed topic land in inttest.dlq with their reason, and the consumers go on. */
class DeadLetterIT {

    @TempDir
    Path tmp;

    @Test
    void malformedEventsAreDeadLetteredAndTheNextGoodEventIsProcessed() throws Exception {
        Path home = Path.of(System.getProperty("inttest.home"));
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream()));
        try (LocalStack stack = LocalStack.start(home, tmp.resolve("stack"), tmp.resolve("sandboxes"), progress);
                KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            // Given: three kinds of poison, then one good event
            String run = "stonks-inttest-dlq-check";
            EventEnvelope good = EventCodec.encode(testsCompleted(run), "test");
            Map<String, String> v2 = new HashMap<>(good.headers());
            v2.put("ce_type", "dev.stonks.inttest.stage.completed.v2");
            send(producer, Topics.RUNS, run, EventCodec.encode(new RunRequested(run, "latest", run, false, 1, null,
                    Instant.now(), "test", null), "test").headers(), "not json {");
            send(producer, Topics.STAGES, run, Map.of(), "{}");
            send(producer, Topics.STAGES, run, v2, new String(good.value(), StandardCharsets.UTF_8));
            producer.send(KafkaEventRecords.toProducerRecord(good)).get();

            // When
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            boolean profiled = false;
            try (KafkaConsumer<String, byte[]> consumer = consumer(stack.bootstrapServers())) {
                consumer.subscribe(List.of(Topics.DLQ, Topics.STAGES));
                Instant deadline = Instant.now().plusSeconds(60);
                while (Instant.now().isBefore(deadline) && !(profiled && dead.size() >= 12)) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.topic().equals(Topics.DLQ)) {
                            dead.add(r);
                        } else if (header(r, "ce_type").contains("stage.completed")
                                && new String(r.value(), StandardCharsets.UTF_8).contains("\"stage\":\"profiling\"")) {
                            profiled = true;
                        }
                    }
                }
            }

            // Then: the invalid run.requested by the provisioner and the reporter, each stages poison by all five
            List<String> reasons = dead.stream().map(r -> header(r, "dead-letter-reason")).toList();
            assertThat(reasons).filteredOn(r -> r.contains("not-json")).hasSize(2);
            assertThat(reasons).filteredOn(r -> r.contains("no ce_specversion header")).hasSize(5);
            assertThat(reasons).filteredOn(r -> r.contains("unsupported-version")).hasSize(5);
            assertThat(dead).allSatisfy(r -> assertThat(r.key()).isEqualTo(run));
            assertThat(profiled).as("the good event after the poison was processed").isTrue();
        }
    }

    private static StageCompleted testsCompleted(String run) {
        Instant now = Instant.now();
        return new StageCompleted(run, Stage.INTEGRATION_TESTS, 1, StageStatus.OK, now, now, 0.1, null,
                Json.tree(new TestsOutput(1, 1, 0, 0, 0, List.of(), Map.of("/api/companies", List.of(3.0)))),
                new RunContext("latest", run, false, 1, "local", null, null));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key,
            Map<String, String> headers, String value) throws Exception {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(new ProducerRecord<>(topic, null, key, value.getBytes(StandardCharsets.UTF_8), h)).get();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
