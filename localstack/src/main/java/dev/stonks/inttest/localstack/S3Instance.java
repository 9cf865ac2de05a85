package dev.stonks.inttest.localstack;

import java.net.URI;
import java.nio.file.Path;

/**
 * A running S3-compatible store started by {@link S3Server}; use path-style addressing.
 *
 * @param pid       pid of its JVM (stop it with {@link S3Server#stop(long)})
 * @param port      TCP port on 127.0.0.1
 * @param endpoint  {@code http://127.0.0.1:<port>}
 * @param accessKey access key
 * @param secretKey secret key
 * @param dataDir   directory holding the buckets
 * @param logFile   its log
 */
public record S3Instance(long pid, int port, URI endpoint, String accessKey, String secretKey, Path dataDir,
                         Path logFile) {

    @Override
    public String toString() {
        return "S3Instance[pid=" + pid + ", endpoint=" + endpoint + ", accessKey=" + accessKey + ", dataDir=" + dataDir + "]";
    }
}
