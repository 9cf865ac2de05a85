package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The redis-server binary (Redis 6.2.11) carried as a resource by {@code com.github.codemonstur:embedded-redis}
 * 1.4.3, copied once into the {@link BinaryCache}. Only its binary is used, not its Java code.
 */
public final class RedisBinary {

    static final String RESOURCE = "redis-server-6.2.6-v5-linux-amd64";
    private static volatile Path installed;

    private RedisBinary() {
    }

    /** The path of an executable redis-server. */
    public static synchronized Path install() {
        Path path = installed;
        if (path != null && Files.isExecutable(path)) {
            return path;
        }
        Platform.requireLinuxAmd64("redis-server");
        String key;
        try (InputStream in = BinaryCache.resource(RESOURCE)) {
            key = BinaryCache.sha256Prefix(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
        Path dir = BinaryCache.entry("redis-" + key, target -> {
            Path binary = target.resolve("redis-server");
            try (InputStream in = BinaryCache.resource(RESOURCE)) {
                Files.copy(in, binary);
            }
            Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        });
        path = dir.resolve("redis-server");
        installed = path;
        return path;
    }
}
