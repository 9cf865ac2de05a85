package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir
    Path tmp;

    @Test
    void realBrokerCreatesTopicsAndCarriesARecordThenStopsCleanly() throws Exception {
        long begin = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start(tmp.resolve("kafka"));
        long pid = broker.pid();
        int port = broker.port();
        try {
            System.out.printf("Kafka broker started in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(ProcessControl.isAlive(pid)).isTrue();
            assertThat(FreePorts.isFree(port)).isFalse();

            broker.createTopics(List.of("inttest.runs", "inttest.verdicts"), 3);
            broker.createTopics(List.of("inttest.runs"), 3); // already there: left as it is
            try (Admin admin = Admin.create(broker.adminConfig())) {
                Map<String, TopicDescription> topics = admin.describeTopics(List.of("inttest.runs", "inttest.verdicts"))
                        .allTopicNames().get(10, TimeUnit.SECONDS);
                assertThat(topics.values()).allSatisfy(t -> {
                    assertThat(t.partitions()).hasSize(3);
                    assertThat(t.partitions().get(0).replicas()).hasSize(1);
                });
                ConfigResource brokerResource = new ConfigResource(ConfigResource.Type.BROKER, "1");
                var config = admin.describeConfigs(List.of(brokerResource)).all().get(10, TimeUnit.SECONDS)
                        .get(brokerResource);
                assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
                assertThat(config.get("listeners").value()).contains("127.0.0.1:" + port);
            }

            RecordMetadata sent;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
                sent = producer.send(new ProducerRecord<>("inttest.runs", "run-42", "{\"status\":\"started\"}"))
                        .get(30, TimeUnit.SECONDS);
            }
            assertThat(sent.topic()).isEqualTo("inttest.runs");

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
                consumer.subscribe(Set.of("inttest.runs"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("run-42");
                assertThat(r.value()).isEqualTo("{\"status\":\"started\"}");
                assertThat(r.partition()).isEqualTo(sent.partition());
            });
            assertThat(broker.logFile()).content().contains("Kafka Server started");
        } finally {
            broker.close();
        }
        assertThat(ProcessControl.isAlive(pid)).isFalse();
        assertThat(FreePorts.isFree(port)).isTrue();
        assertThat(FreePorts.isFree(broker.controllerPort())).isTrue();
        assertThat(tmp.resolve("kafka/data/meta.properties")).exists();
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static Properties consumerConfig(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "localstack-it");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }
}
