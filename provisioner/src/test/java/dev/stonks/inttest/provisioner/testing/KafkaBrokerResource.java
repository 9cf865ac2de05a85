package dev.stonks.inttest.provisioner.testing;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.KafkaBroker;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A real Kafka broker (KRaft, child JVM) with the pipeline's topics, and a fresh sandbox root for the app. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    public static final String SANDBOX_ROOT = "provisioner.local.sandbox-root";
    public static final String STALE_RUN = "stonks-inttest-stale";
    public static final String FOREIGN = "stonks-inttest-notours";
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("provisioner-kafka-it");
            broker = KafkaBroker.start(dir.resolve("kafka"));
            broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
            // for the reaper's pass at start-up: an expired sandbox of the pipeline, and a directory that is not one
            Path sandboxes = dir.resolve("sandboxes");
            LocalSandbox.create(sandboxes, SandboxRecord.create(STALE_RUN, STALE_RUN, "latest", false, 1,
                    Instant.now().minus(Duration.ofHours(3)), Instant.now().minus(Duration.ofHours(1))),
                    SandboxSecrets.generate("u", "d", "b"));
            Files.writeString(Files.createDirectories(sandboxes.resolve(FOREIGN)).resolve("notes.txt"), "mine");
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                    SANDBOX_ROOT, dir.resolve("sandboxes").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
