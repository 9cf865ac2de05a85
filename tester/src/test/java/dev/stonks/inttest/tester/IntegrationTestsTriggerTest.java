package dev.stonks.inttest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.PipelineConfig;
import dev.stonks.inttest.support.ReceivedEvents;
import dev.stonks.inttest.support.stage.RunLog;
import dev.stonks.inttest.support.stage.StageRunner;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import dev.stonks.inttest.tester.runner.fixtures.PassingFixture;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handler from a received Kafka message to the published events, without a broker: real encoding and decoding
 * of the contract, a recording emitter, and the SuiteRunner on a fixture suite.
 */
class IntegrationTestsTriggerTest {
    private static final RunContext DEPLOYED = new RunContext("abc123", "stonks-inttest-r7", false, 1, "local",
            Map.of(), Map.of("query-api", "http://127.0.0.1:1"));
    private static Vertx vertx;

    private final RecordingEmitter emitter = new RecordingEmitter();
    private IntegrationTestsTrigger trigger;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    IntegrationTestsTriggerTest() {
        PipelineConfig config = new PipelineConfig() {
            @Override
            public String service() {
                return "tester";
            }

            @Override
            public java.util.Optional<String> home() {
                return java.util.Optional.empty();
            }

            @Override
            public int dedupCapacity() {
                return 100;
            }

            @Override
            public Duration heartbeatInterval() {
                return Duration.ZERO;
            }

            @Override
            public Duration runLogLookback() {
                return Duration.ZERO;
            }

            @Override
            public Owner owner() {
                return null;
            }
        };
        SuiteRunner runner = new SuiteRunner(vertx, new SuiteRunner.Settings(List.of(PassingFixture.class),
                Duration.ofSeconds(1), Duration.ofSeconds(10)));
        trigger = new IntegrationTestsTrigger(new ReceivedEvents(config), new StageRunner(
                new EventPublisher(emitter, config), RunLog.standalone(), Duration.ZERO), runner);
    }

    @Test
    void aSuccessfulServiceDeployRunsTheTestsWithTheSameAttemptAndContext() {
        Delivery delivery = deliver(serviceDeploy(StageStatus.OK, DEPLOYED));

        assertThat(delivery.outcome()).isEqualTo("ack");
        List<InttestEvent> published = emitter.events();
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOfSatisfying(StageStarted.class, s -> {
            assertThat(s.stage()).isEqualTo(Stage.INTEGRATION_TESTS);
            assertThat(s.attempt()).isEqualTo(2);
            assertThat(s.runId()).isEqualTo("r7");
        });
        assertThat(published.get(1)).isInstanceOfSatisfying(StageCompleted.class, c -> {
            assertThat(c.stage()).isEqualTo(Stage.INTEGRATION_TESTS);
            assertThat(c.attempt()).isEqualTo(2);
            assertThat(c.status()).isEqualTo(StageStatus.OK);
            assertThat(c.context()).isEqualTo(DEPLOYED);
            assertThat(c.output(TestsOutput.class).passed()).isEqualTo(1);
        });
        assertThat(emitter.topics()).containsOnly(Topics.STAGES);
        assertThat(emitter.keys()).containsOnly("r7");
    }

    @Test
    void aDeployWithoutServicesFailsTheStageAsNoServices() {
        deliver(serviceDeploy(StageStatus.OK, new RunContext("abc123", "stonks-inttest-r7", false, 1, "local",
                Map.of(), Map.of())));

        assertThat(emitter.events()).last().isInstanceOfSatisfying(StageCompleted.class, c -> {
            assertThat(c.status()).isEqualTo(StageStatus.FAILED);
            assertThat(c.error().kind()).isEqualTo("no_services");
        });
    }

    @Test
    void aFailedServiceDeployAndOtherStagesAreIgnored() {
        StageCompleted failedDeploy = new StageCompleted("r7", Stage.SERVICE_DEPLOY, 1, StageStatus.FAILED,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:05Z"), 5.0,
                new StageError("readiness_timeout", "query-api never became ready"), null, DEPLOYED);
        StageCompleted seeded = new StageCompleted("r7", Stage.SEED_DATA, 1, StageStatus.OK,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:05Z"), 5.0, null, null,
                DEPLOYED);

        assertThat(deliver(failedDeploy).outcome()).isEqualTo("ack");
        assertThat(deliver(seeded).outcome()).isEqualTo("ack");

        assertThat(emitter.events()).isEmpty();
    }

    @Test
    void anInvalidRecordIsNackedForTheDeadLetterTopic() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.STAGES, 0, 0L, "r7",
                "not json".getBytes(StandardCharsets.UTF_8));

        Delivery delivery = deliver(record);

        assertThat(delivery.outcome()).startsWith("nack");
        assertThat(emitter.events()).isEmpty();
    }

    private static StageCompleted serviceDeploy(StageStatus status, RunContext context) {
        return new StageCompleted("r7", Stage.SERVICE_DEPLOY, 2, status, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:30Z"), 30.0, null, null, context);
    }

    private Delivery deliver(InttestEvent event) {
        EventEnvelope envelope = EventCodec.encode(event, "provisioner");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(envelope.topic(), 0, 0L, envelope.key(),
                envelope.value());
        KafkaEventRecords.toHeaders(envelope).forEach(h -> record.headers().add(h));
        return deliver(record);
    }

    private Delivery deliver(ConsumerRecord<String, byte[]> record) {
        AtomicReference<String> outcome = new AtomicReference<>("none");
        Message<byte[]> message = Message.of(record.value(),
                Metadata.of(new IncomingKafkaRecordMetadata<>(record, "stages-in")),
                () -> {
                    outcome.set("ack");
                    return CompletableFuture.completedFuture(null);
                },
                e -> {
                    outcome.set("nack: " + e.getMessage());
                    return CompletableFuture.completedFuture(null);
                });
        trigger.onStage(message).toCompletableFuture().join();
        return new Delivery(outcome.get());
    }

    private record Delivery(String outcome) {
    }

    /** Stands in for the Kafka channel: acknowledges every message and keeps what was sent. */
    static final class RecordingEmitter implements Emitter<byte[]> {
        private final List<Message<? extends byte[]>> sent = new ArrayList<>();

        @Override
        public CompletionStage<Void> send(byte[] payload) {
            send(Message.of(payload));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized <M extends Message<? extends byte[]>> void send(M message) {
            sent.add(message);
            message.ack();
        }

        synchronized List<InttestEvent> events() {
            return sent.stream().map(m -> {
                OutgoingKafkaRecordMetadata<?> meta = metadata(m);
                return EventCodec.decode(meta.getTopic(), KafkaEventRecords.headerMap(meta.getHeaders()),
                        m.getPayload()).event();
            }).toList();
        }

        synchronized List<String> topics() {
            return sent.stream().map(m -> metadata(m).getTopic()).toList();
        }

        synchronized List<Object> keys() {
            return sent.stream().map(m -> (Object) metadata(m).getKey()).toList();
        }

        private static OutgoingKafkaRecordMetadata<?> metadata(Message<?> m) {
            return m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
