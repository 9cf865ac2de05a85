package dev.stonks.inttest.localstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link S3Server#start(S3Config)} needs.
 *
 * @param dir       working directory: {@code data/} holds the buckets (one sub-directory each)
 * @param port      TCP port on 127.0.0.1; 0 picks a free one
 * @param accessKey S3 access key (AWS signature v2 or v4)
 * @param secretKey S3 secret key
 */
public record S3Config(Path dir, int port, String accessKey, String secretKey) {

    public S3Config {
        Objects.requireNonNull(dir, "dir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("accessKey and secretKey must not be blank");
        }
    }

    /** Working directory {@code dir}, a free port, the given keys. */
    public static S3Config of(Path dir, String accessKey, String secretKey) {
        return new S3Config(dir, 0, accessKey, secretKey);
    }

    public S3Config withPort(int newPort) {
        return new S3Config(dir, newPort, accessKey, secretKey);
    }
}
