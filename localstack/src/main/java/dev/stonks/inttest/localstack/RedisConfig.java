package dev.stonks.inttest.localstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link RedisServer#start(RedisConfig)} needs.
 *
 * @param dir      working directory: redis.conf, redis.log and Redis' own files
 * @param port     TCP port on 127.0.0.1; 0 picks a free one
 * @param password {@code requirepass}, or null for none
 */
public record RedisConfig(Path dir, int port, String password) {

    public RedisConfig {
        Objects.requireNonNull(dir, "dir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        if (password != null && (password.isEmpty() || password.chars().anyMatch(c -> c < 0x20))) {
            throw new IllegalArgumentException("password must be non-empty, without control characters");
        }
    }

    /** Working directory {@code dir}, a free port, no password. */
    public static RedisConfig of(Path dir) {
        return new RedisConfig(dir, 0, null);
    }

    public RedisConfig withPort(int newPort) {
        return new RedisConfig(dir, newPort, password);
    }

    public RedisConfig withPassword(String newPassword) {
        return new RedisConfig(dir, port, newPassword);
    }
}
