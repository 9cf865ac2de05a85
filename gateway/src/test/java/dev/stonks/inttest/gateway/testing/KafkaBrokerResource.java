package dev.stonks.inttest.gateway.testing;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, child JVM) with the pipeline's topics, and the gateway configured with a webhook secret,
 * a tokens file (TestTokens) and two branches.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    public static final String WEBHOOK_SECRET = "It's a Secret to Everybody";
    public static final String API_TOKEN = TestTokens.CI;
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.start(Files.createTempDirectory("gateway-kafka-it").resolve("kafka"));
            broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                    "gateway.webhook-secret", WEBHOOK_SECRET,
                    "auth.tokens-file", TestTokens.file(),
                    "gateway.branches", "main,release");
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
