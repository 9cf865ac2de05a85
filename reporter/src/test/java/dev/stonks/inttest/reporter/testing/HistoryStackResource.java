package dev.stonks.inttest.reporter.testing;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real Kafka broker with the pipeline's topics and the reporter's real history PostgreSQL, started side by side. */
public class HistoryStackResource implements QuarkusTestResourceLifecycleManager {
    public static volatile KafkaBroker broker;
    public static volatile HistoryDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("reporter-history-it");
            Thread pg = new Thread(() -> database = HistoryDatabase.start(dir.resolve("pg")));
            pg.start();
            broker = KafkaBroker.start(dir.resolve("kafka"));
            broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
            pg.join();
            if (database == null) {
                throw new IllegalStateException("the history database did not start (see the log above)");
            }
            Map<String, String> config = new HashMap<>(database.env());
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

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
