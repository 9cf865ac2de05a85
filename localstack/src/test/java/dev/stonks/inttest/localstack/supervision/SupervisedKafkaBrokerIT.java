package dev.stonks.inttest.localstack.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stonks.inttest.localstack.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker killed under supervision comes back on the same ports with its data: clients keep their address. */
class SupervisedKafkaBrokerIT {
    @TempDir
    Path tmp;
    private final AtomicReference<KafkaBroker> broker = new AtomicReference<>();
    private SupervisedProcess supervised;

    @AfterEach
    void stop() {
        if (supervised != null) {
            supervised.close();
        }
        if (broker.get() != null) {
            broker.get().close();
        }
    }

    @Test
    void aKilledBrokerIsRestartedOnItsPortsWithItsTopicsAndRecords() throws Exception {
        Path dir = tmp.resolve("kafka");
        KafkaBroker first = KafkaBroker.start(dir);
        broker.set(first);
        first.createTopics(List.of("t"), 1);
        String bootstrap = first.bootstrapServers();
        int port = first.port();
        int controllerPort = first.controllerPort();
        List<String> reports = new CopyOnWriteArrayList<>();
        supervised = new SupervisedProcess("kafka", () -> {
            KafkaBroker next = KafkaBroker.start(dir, port, controllerPort, KafkaBroker.DEFAULT_START_TIMEOUT);
            broker.set(next);
            return next.process();
        }, RestartPolicy.Settings.DEFAULT, true, first.logFile(), reports::add, p -> { }).supervise(first.process());
        send(bootstrap, "before");

        supervised.kill();
        await().atMost(Duration.ofSeconds(45)).until(() -> supervised.restarts() == 1 && broker.get() != first
                && broker.get().isAlive());

        assertThat(broker.get().bootstrapServers()).isEqualTo(bootstrap);
        assertThat(broker.get().clusterId()).isEqualTo(first.clusterId());
        send(bootstrap, "after");
        assertThat(readAll(bootstrap)).containsExactly("before", "after");
        assertThat(reports).containsExactly("kafka exited (code 137); restarting in 1 s (restart 1)");
    }

    private static void send(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("t", "k", value)).get(40, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("t", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
