package dev.stonks.inttest.localstack;

import java.nio.file.Path;

/**
 * A running redis-server started by {@link RedisServer}.
 *
 * @param pid      its pid (stop it with {@link RedisServer#stop(long)})
 * @param port     TCP port on 127.0.0.1
 * @param password {@code requirepass}, or null
 * @param dir      working directory
 * @param logFile  its log
 */
public record RedisInstance(long pid, int port, String password, Path dir, Path logFile) {

    public String host() {
        return "127.0.0.1";
    }

    /** {@code redis://127.0.0.1:<port>} (no password in it). */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public String toString() {
        return "RedisInstance[pid=" + pid + ", uri=" + uri() + ", password=" + (password == null ? "none" : "***")
                + ", dir=" + dir + "]";
    }
}
