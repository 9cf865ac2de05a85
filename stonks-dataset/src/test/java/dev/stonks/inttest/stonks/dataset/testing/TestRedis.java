package dev.stonks.inttest.stonks.dataset.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** A real redis-server (embedded-redis binaries) on a free loopback port, with a password. */
public final class TestRedis implements AutoCloseable {

    public static final String PASSWORD = "redis-test-password";

    private final RedisServer server;
    private final int port;

    private TestRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static TestRedis start() {
        int port = FreePorts.find();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("requirepass " + PASSWORD)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new TestRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis", e);
        }
    }

    public int port() {
        return port;
    }

    /** The form the stonks services take ({@code QUARKUS_REDIS_HOSTS}). */
    public String hostsUri() {
        return "redis://:" + PASSWORD + "@127.0.0.1:" + port;
    }

    /** Stops the server (it can be started again with {@link #restart()}). */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded Redis", e);
        }
    }

    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart embedded Redis", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
