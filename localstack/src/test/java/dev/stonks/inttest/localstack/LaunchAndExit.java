package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Run as a separate JVM by {@link DetachedLifecycleIT}: starts Redis and PostgreSQL, records their pids and
 * ports (as a provisioner records them in its sandbox) and exits.
 */
public final class LaunchAndExit {

    private LaunchAndExit() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        RedisInstance redis = RedisServer.start(RedisConfig.of(dir.resolve("redis")));
        PostgresInstance pg = PostgresServer.start(PostgresConfig.of(dir.resolve("pg"), "sandbox", "pw", "app"));
        Properties recorded = new Properties();
        recorded.setProperty("redis.pid", Long.toString(redis.pid()));
        recorded.setProperty("redis.port", Integer.toString(redis.port()));
        recorded.setProperty("postgres.pid", Long.toString(pg.pid()));
        recorded.setProperty("postgres.port", Integer.toString(pg.port()));
        recorded.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        try (Writer out = Files.newBufferedWriter(dir.resolve("recorded.properties"))) {
            recorded.store(out, null);
        }
        System.exit(0);
    }
}
