package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageHeartbeat;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.localstack.FreePorts;
import dev.stonks.inttest.localstack.HttpReadiness;
import dev.stonks.inttest.localstack.KafkaBroker;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.S3Config;
import dev.stonks.inttest.localstack.S3Instance;
import dev.stonks.inttest.localstack.S3Server;
import dev.stonks.inttest.reporter.testing.HistoryDatabase;
import dev.stonks.inttest.reporter.testing.HistoryStackResource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reporter survives its own death: the packaged reporter as a real process on a real broker, killed with
 * SIGKILL while runs are in flight and started again. It rebuilds the runs from the log, publishes exactly one
 * verdict per run (none twice across restarts), its history (a real PostgreSQL) gains no duplicate row from the
 * replays and answers for the runs, and its watchdog still ends a stage whose heartbeats stopped.
 */
class ReporterRestartIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static KafkaBroker broker;
    private static KafkaProducer<String, byte[]> producer;
    private static final List<String> TABLES = List.of("runs", "stage_attempts", "test_failures", "endpoint_stats",
            "budgets", "service_memory", "sql_statements");
    private static Path dir;
    private static HistoryDatabase history;
    private static S3Instance store;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @BeforeAll
    static void startBroker() throws Exception {
        dir = Files.createTempDirectory("reporter-restart-it");
        history = HistoryDatabase.start(dir.resolve("history"));
        store = S3Server.start(S3Config.of(dir.resolve("s3"), "it-access", "it-secret-key"));
        broker = KafkaBroker.start(dir.resolve("kafka"));
        broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (history != null) {
            history.close();
        }
        if (store != null) {
            S3Server.stop(store.pid());
        }
    }

    @Test
    void killedMidRunAndRestartedItPublishesExactlyOneCorrectVerdictPerRun() {
        // Given: run "done" finishes while the first reporter lives; run "inflight" is mid-teardown when it dies
        String done = "stonks-inttest-rr-done";
        String inflight = "stonks-inttest-rr-inflight";
        long first = startReporter("first");
        publishRunUpTo(done, Stage.TEARDOWN, true);
        publishRunUpTo(inflight, Stage.PROFILING, true);
        publish(new StageStarted(inflight, Stage.TEARDOWN, 1, Instant.now(), context(inflight)));
        await().atMost(Duration.ofSeconds(30)).until(() -> verdicts(done).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(done).get("budgets") == 5);
        Map<String, Long> doneRows = rows(done);

        // When: SIGKILL, the teardown completes while no reporter runs, a new reporter starts
        kill(first);
        publish(completed(inflight, Stage.TEARDOWN, null));
        long second = startReporter("second");

        // Then: the run in flight gets its verdict, with the tests counted once; the finished one no second
        await().atMost(Duration.ofSeconds(30)).until(() -> verdicts(inflight).size() == 1);
        RunVerdict verdict = verdicts(inflight).get(0);
        assertThat(verdict.exitCode()).isZero();
        assertThat(verdict.results().at("/tests/total").asInt()).isEqualTo(7);
        assertThat(verdict.results().at("/tests/passed").asInt()).isEqualTo(7);
        assertThat(verdict.results().at("/stages/teardown/status").asText()).isEqualTo("ok");

        // and a third life changes nothing: still exactly one verdict each
        kill(second);
        long third = startReporter("third");
        sleep(Duration.ofSeconds(4));
        assertThat(verdicts(done)).hasSize(1);
        assertThat(verdicts(inflight)).hasSize(1);

        // the history: the replays added no row; the third reporter answers for both runs from it
        assertThat(rows(done)).isEqualTo(doneRows);
        assertThat(rows(done).get("stage_attempts")).isEqualTo(6);
        assertThat(rows(inflight).get("stage_attempts")).isEqualTo(6);
        assertThat(rows(inflight).get("runs")).isEqualTo(1);
        assertThat(get("/api/runs/" + inflight)).contains("\"exit_code\":0");
        assertThat(get("/api/runs?status=passed")).contains(done, inflight);
        kill(third);
    }

    @Test
    void aStageWhoseHeartbeatsStoppedWhileTheReporterWasDownIsGivenUpAfterItsRestart() {
        String run = "stonks-inttest-rr-dead";
        publishRunUpTo(run, Stage.SERVICE_DEPLOY, true);
        Instant started = Instant.now();
        publish(new StageStarted(run, Stage.INTEGRATION_TESTS, 1, started, context(run)));
        publish(new StageHeartbeat(run, Stage.INTEGRATION_TESTS, 1, Instant.now(), context(run)));

        long reporter = startReporter("watchdog");
        long t0 = System.nanoTime();
        RunTimedOut timedOut = await().atMost(Duration.ofSeconds(30)).until(() -> timeOuts(run),
                list -> !list.isEmpty()).get(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        kill(reporter);

        assertThat(timedOut.stage()).isEqualTo(Stage.INTEGRATION_TESTS);
        assertThat(timedOut.reason()).contains("no stage.heartbeat from integration_tests for 5 s");
        assertThat(seconds).isLessThan(20);
    }

    private long startReporter(String name) {
        port = FreePorts.pick();
        Path log = dir.resolve("reporter-" + name + ".log");
        Map<String, String> env = new HashMap<>(history.env());
        env.putAll(HistoryStackResource.artifactsEnv(store));
        env.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "HTTP_PORT", Integer.toString(port),
                "REPORTER_HEARTBEAT_TIMEOUT", "PT5S",
                "INTTEST_INSTANCE_ID", "reporter-it"));
        Process process = ProcessControl.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()), log, env, dir);
        HttpReadiness.await(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), Duration.ofSeconds(60),
                process.pid(), log);
        return process.pid();
    }

    /** Rows per history table of one run. */
    private static Map<String, Long> rows(String run) {
        Map<String, Long> rows = new HashMap<>();
        for (String table : TABLES) {
            rows.put(table, history.count("select count(*) from " + table + " where run_id = '" + run + "'"));
        }
        return rows;
    }

    private String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void kill(long pid) {
        ProcessControl.signal(pid, "KILL");
        ProcessControl.awaitExit(pid, Duration.ofSeconds(10));
    }

    /** run.requested and every stage up to {@code last}, completed ok, 7 tests passed. */
    private void publishRunUpTo(String run, Stage last, boolean ok) {
        publish(new RunRequested(run, "abc123", run, false, 1, "local", Instant.now(), "it", null));
        for (Stage stage : Stage.values()) {
            publish(new StageStarted(run, stage, 1, Instant.now(), context(run)));
            Object output = stage == Stage.INTEGRATION_TESTS
                    ? new TestsOutput(7, 7, 0, 0, 0, List.of(), Map.of("/api/companies", List.of(4.0))) : null;
            publish(completed(run, stage, output));
            if (stage == last) {
                return;
            }
        }
    }

    private static StageCompleted completed(String run, Stage stage, Object output) {
        Instant now = Instant.now();
        return new StageCompleted(run, stage, 1, StageStatus.OK, now, now, 0.1, null,
                output == null ? null : Json.tree(output), context(run));
    }

    private static RunContext context(String run) {
        return new RunContext("abc123", run, false, 1, "local", Map.of(), Map.of());
    }

    private static void publish(InttestEvent event) {
        try {
            producer.send(KafkaEventRecords.toProducerRecord(EventCodec.encode(event, "it"))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RunVerdict> verdicts(String run) {
        return read(Topics.VERDICTS, run, RunVerdict.class);
    }

    private static List<RunTimedOut> timeOuts(String run) {
        return read(Topics.STAGES, run, RunTimedOut.class);
    }

    private static <T> List<T> read(String topic, String run, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(broker.bootstrapServers(), topic,
                Duration.ofSeconds(30))) {
            try {
                InttestEvent event = KafkaEventRecords.decode(record).event();
                if (run.equals(event.runId()) && type.isInstance(event)) {
                    found.add(type.cast(event));
                }
            } catch (InvalidEventException e) {
                // not ours
            }
        }
        return found;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
