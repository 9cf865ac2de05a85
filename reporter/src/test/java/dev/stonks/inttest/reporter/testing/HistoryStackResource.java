package dev.stonks.inttest.reporter.testing;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.KafkaBroker;
import dev.stonks.inttest.localstack.S3Config;
import dev.stonks.inttest.localstack.S3Instance;
import dev.stonks.inttest.localstack.S3Server;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Kafka broker with the pipeline's topics, the reporter's real history PostgreSQL and a real artifact store
 * (s3proxy), started side by side.
 */
public class HistoryStackResource implements QuarkusTestResourceLifecycleManager {
    public static volatile KafkaBroker broker;
    public static volatile HistoryDatabase database;
    public static volatile S3Instance store;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("reporter-history-it");
            Thread pg = new Thread(() -> database = HistoryDatabase.start(dir.resolve("pg")));
            Thread s3 = new Thread(() -> store = S3Server.start(S3Config.of(dir.resolve("s3"), "it-access",
                    "it-secret-key")));
            pg.start();
            s3.start();
            broker = KafkaBroker.start(dir.resolve("kafka"));
            broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
            pg.join();
            s3.join();
            if (database == null || store == null) {
                throw new IllegalStateException("the history database or the store did not start (see the log)");
            }
            Map<String, String> config = new HashMap<>(database.env());
            // as properties: only the environment itself maps ARTIFACTS_ENDPOINT to artifacts.endpoint
            config.put("artifacts.endpoint", store.endpoint().toString());
            config.put("artifacts.access-key", store.accessKey());
            config.put("artifacts.secret-key", store.secretKey());
            config.put("kafka.bootstrap.servers", broker.bootstrapServers());
            config.put("reporter.heartbeat-timeout", "PT20S");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The services' environment for an artifact store (contracts.md). */
    public static Map<String, String> artifactsEnv(S3Instance s3) {
        return Map.of("ARTIFACTS_ENDPOINT", s3.endpoint().toString(), "ARTIFACTS_ACCESS_KEY", s3.accessKey(),
                "ARTIFACTS_SECRET_KEY", s3.secretKey());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
        if (store != null) {
            S3Server.stop(store.pid());
        }
    }
}
