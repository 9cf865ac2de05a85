package dev.stonks.inttest.promoter.testing;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The promoter without a cluster: a real Kafka broker with the pipeline's topics, {@code promoter.backend=local} and a
 * fresh directory for its record of the environments and its state ({@link #DIR_PROPERTY} tells the test where).
 */
public class KafkaLocalBackendResource implements QuarkusTestResourceLifecycleManager {
    public static final String DIR_PROPERTY = "promoter.local.dir";

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        Path dir;
        try {
            Path root = Files.createTempDirectory("promoter-local-it");
            dir = root.resolve("promoter");
            broker = KafkaBroker.start(root.resolve("kafka"));
            broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "promoter.backend", "local",
                DIR_PROPERTY, dir.toString(),
                "promoter.check-interval", "1s",
                "promoter.break-glass.approvals", "2",
                "auth.tokens-file", TestTokens.file());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
