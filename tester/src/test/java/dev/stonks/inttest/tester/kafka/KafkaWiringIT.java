package dev.stonks.inttest.tester.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.artifacts.Artifact;
import dev.stonks.inttest.artifacts.ArtifactRef;
import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ReceivedEvent;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.localstack.FreePorts;
import dev.stonks.inttest.localstack.KafkaBroker;
import dev.stonks.inttest.localstack.S3Config;
import dev.stonks.inttest.localstack.S3Instance;
import dev.stonks.inttest.localstack.S3Server;
import dev.stonks.inttest.localstack.ServiceProcess;
import dev.stonks.inttest.localstack.ServiceSpec;
import dev.stonks.inttest.tester.stonks.FakeStonks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The wiring: a real Kafka broker (KRaft, child JVM), a real S3 store (s3proxy, child JVM), the packaged tester
 * ({@code quarkus-run.jar}) as a child process, and FakeStonks as the sandbox. A service_deploy event goes in;
 * integration_tests events come out, and the run's JUnit XML is in the store as {@code junit.xml} by then.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaWiringIT {
    private static final String S3_ACCESS = "tester-it-access";
    private static final String S3_SECRET = "tester-it-secret";
    private static final String BUCKET = "tester-it-artifacts";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;

    private static KafkaBroker broker;
    private static S3Instance s3;
    private static ArtifactStore artifacts;
    private static FakeStonks stonks;
    private static ServiceProcess tester;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws IOException {
        broker = KafkaBroker.start(tmp.resolve("kafka"));
        broker.createTopics(Topics.ALL, 3);
        s3 = S3Server.start(S3Config.of(tmp.resolve("s3"), S3_ACCESS, S3_SECRET));
        artifacts = ArtifactStore.create(s3.endpoint().toString(), S3_ACCESS, S3_SECRET, BUCKET, null);
        stonks = FakeStonks.start();
        int port = FreePorts.pick(1).get(0);
        tester = ServiceProcess.launch(ServiceSpec.of("tester", Path.of("target/quarkus-app/quarkus-run.jar"),
                        tmp.resolve("tester.log"))
                        .withEnv("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                        // FakeStonks answers the first cut of stonks
                        .withEnv("TESTER_SUITES", "api-first-cut")
                        .withEnv("TESTER_REPORTS_DIR", tmp.resolve("reports").toString())
                        .withEnv("ARTIFACTS_ENDPOINT", s3.endpoint().toString())
                        .withEnv("ARTIFACTS_ACCESS_KEY", S3_ACCESS)
                        .withEnv("ARTIFACTS_SECRET_KEY", S3_SECRET)
                        .withEnv("ARTIFACTS_BUCKET", BUCKET)
                        .withEnv("HTTP_PORT", String.valueOf(port)))
                .waitReady(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), WAIT);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (tester != null) {
            tester.close();
        }
        if (stonks != null) {
            stonks.close();
        }
        if (artifacts != null) {
            artifacts.close();
        }
        if (s3 != null) {
            S3Server.stop(s3.pid());
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aDeployedSandboxIsTestedAndTheResultPublished() throws Exception {
        // Given
        String runId = "kafka-it-ok";
        RunContext context = context(runId, stonks.services());

        // When
        send(serviceDeployOk(runId, 1, context));

        // Then
        List<ReceivedEvent> events = awaitStageEvents(runId,
                e -> e.event() instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS);
        List<InttestEvent> tests = events.stream().map(ReceivedEvent::event)
                .filter(e -> e instanceof StageStarted s && s.stage() == Stage.INTEGRATION_TESTS
                        || e instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS)
                .toList();
        assertThat(tests).hasSize(2);
        assertThat(tests.get(0)).isInstanceOf(StageStarted.class);
        StageCompleted completed = (StageCompleted) tests.get(1);
        TestsOutput output = completed.output(TestsOutput.class);
        assertThat(output.failures()).isEmpty();
        assertThat(completed.status()).isEqualTo(StageStatus.OK);
        assertThat(completed.attempt()).isEqualTo(1);
        assertThat(completed.context()).isEqualTo(context);
        assertThat(output.total()).isEqualTo(output.passed()).isGreaterThanOrEqualTo(28);
        assertThat(output.timings()).containsKeys("/api/companies", "/api/companies/{id}", "/api/trends/{id}");
        assertThat(output.reportPath()).as("the run's JUnit XML")
                .isEqualTo(tmp.resolve("reports").resolve(runId).toAbsolutePath().toString());
        assertThat(java.nio.file.Path.of(output.reportPath()).resolve("TEST-"
                + dev.stonks.inttest.tester.suites.api.CompaniesApiSuite.class.getName() + ".xml")).isRegularFile();
        assertThat(events).filteredOn(e -> e.event() instanceof StageCompleted c
                && c.stage() == Stage.INTEGRATION_TESTS).allSatisfy(e ->
                assertThat(e.attributes().source()).isEqualTo("/inttest/tester"));
        assertStoredJUnitXmlIsTheRuns(runId, output);
        assertThat(output.unavailable()).isEmpty();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRunStillTested() throws Exception {
        // Given a record that is no event, then a run whose services refuse connections
        String poisonKey = "poison-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.STAGES, poisonKey, "not an event".getBytes(StandardCharsets.UTF_8)))
                .get();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;
        String runId = "kafka-it-refused";

        // When
        send(serviceDeployOk(runId, 3, context(runId, Map.of("query-api", url, "registry", url, "risk", url,
                "trading", url))));

        // Then
        List<ConsumerRecord<String, byte[]>> dead = poll(Topics.DLQ, r -> poisonKey.equals(r.key()));
        assertThat(dead).isNotEmpty();
        StageCompleted completed = (StageCompleted) awaitStageEvents(runId,
                e -> e.event() instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS)
                .stream().map(ReceivedEvent::event)
                .filter(e -> e instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS)
                .findFirst().orElseThrow();
        assertThat(completed.status()).isEqualTo(StageStatus.FAILED);
        assertThat(completed.attempt()).isEqualTo(3);
        assertThat(completed.error().kind()).isEqualTo("tests_failed");
        TestsOutput output = completed.output(TestsOutput.class);
        assertThat(output.errors()).isEqualTo(output.total());
        assertThat(output.failed()).isZero();
        assertStoredJUnitXmlIsTheRuns(runId, output);
    }

    @Test
    @Order(Integer.MAX_VALUE) // stops the store: runs last
    void aStoreThatIsGoneCostsTheRecordNotTheOutcome() throws Exception {
        // Given
        String runId = "kafka-it-no-store";
        assertThat(S3Server.stop(s3.pid())).isTrue();

        // When
        send(serviceDeployOk(runId, 1, context(runId, stonks.services())));

        // Then the stage is what the tests decided, and its output says the JUnit XML was not stored, and why
        StageCompleted completed = (StageCompleted) awaitStageEvents(runId,
                e -> e.event() instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS)
                .stream().map(ReceivedEvent::event)
                .filter(e -> e instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS)
                .findFirst().orElseThrow();
        TestsOutput output = completed.output(TestsOutput.class);
        assertThat(completed.status()).isEqualTo(StageStatus.OK);
        assertThat(output.total()).isEqualTo(output.passed()).isGreaterThanOrEqualTo(28);
        assertThat(output.unavailable()).containsOnlyKeys("junit.xml");
        assertThat(output.unavailable().get("junit.xml")).contains(s3.endpoint().toString(), "bucket " + BUCKET,
                "runs/" + runId + "/junit.xml");
        assertThat(Files.readString(tester.logFile())).contains("run " + runId
                + ": the run's JUnit XML was NOT stored");
    }

    /** The run's junit.xml in the store is the JUnit XML of the run that published {@code output}. */
    private static void assertStoredJUnitXmlIsTheRuns(String runId, TestsOutput output) throws Exception {
        Optional<Artifact> stored = artifacts.get(runId, "junit.xml");
        if (stored.isEmpty()) {
            throw new AssertionError("no junit.xml for " + runId + " in the store; tester log:\n"
                    + tail(tester.logFile()));
        }
        Artifact junit = stored.get();
        assertThat(junit.ref().key()).isEqualTo("runs/" + runId + "/junit.xml");
        assertThat(junit.ref().contentType()).isEqualTo("application/xml");
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.content())).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo(runId);
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(output.total()));
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(output.failed()));
        assertThat(root.getAttribute("errors")).isEqualTo(String.valueOf(output.errors()));
        assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(output.skipped()));
        assertThat(root.getElementsByTagName("testcase").getLength()).isEqualTo(output.total());
        int failing = root.getElementsByTagName("failure").getLength() + root.getElementsByTagName("error").getLength();
        assertThat(failing).isEqualTo(output.failed() + output.errors());
        assertThat(artifacts.list(runId)).extracting(ArtifactRef::name).containsExactly("junit.xml");
    }

    private static void send(InttestEvent event) throws Exception {
        producer.send(KafkaEventRecords.toProducerRecord(EventCodec.encode(event, "provisioner"))).get();
    }

    private static StageCompleted serviceDeployOk(String runId, int attempt, RunContext context) {
        Instant now = Instant.now();
        return new StageCompleted(runId, Stage.SERVICE_DEPLOY, attempt, StageStatus.OK, now.minusSeconds(30), now,
                30.0, null, null, context);
    }

    private static RunContext context(String runId, Map<String, String> services) {
        return new RunContext("abc123", "stonks-inttest-" + runId, false, 1, RunContext.BACKEND_LOCAL, Map.of(),
                services);
    }

    /** The stage events of one run, in order, up to the first that matches {@code until}. */
    private static List<ReceivedEvent> awaitStageEvents(String runId, Predicate<ReceivedEvent> until)
            throws IOException {
        List<ReceivedEvent> events = new ArrayList<>();
        poll(Topics.STAGES, r -> {
            if (!runId.equals(r.key())) {
                return false;
            }
            ReceivedEvent e = KafkaEventRecords.decode(r);
            events.add(e);
            return until.test(e);
        });
        return events;
    }

    private static List<ConsumerRecord<String, byte[]>> poll(String topic,
            Predicate<ConsumerRecord<String, byte[]>> until) throws IOException {
        Map<String, Object> config = new HashMap<>(broker.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "tester-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r);
                    if (until.test(r)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("nothing matched on " + topic + " within " + WAIT + "; tester log:\n"
                + tail(tester.logFile()));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
