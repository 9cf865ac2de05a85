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

    /**
     * Starts on a port found free; another process can take that port before redis-server binds it (tests start
     * their components in parallel), so a failed start is tried again on another port, three times in all.
     */
    public static TestRedis start() {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
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
                last = e;
            }
        }
        throw new UncheckedIOException("cannot start embedded Redis (3 attempts)", last);
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
