package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.localstack.sandbox.SandboxRoot;
import dev.stonks.inttest.provisioner.config.ProvisionerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The local backend's settings, resolved (paths absolute, defaults applied); plain, so tests build it directly. */
public record LocalSettings(Path home, Path sandboxRoot, Path buildsDir, Duration sandboxTtl,
        Duration skipTeardownTtl, Duration lockTimeout, Duration infraTimeout, Duration serviceReadyTimeout,
        Duration stopGrace, List<String> serviceJvmOptions, String postgresUser, String postgresDatabase,
        String bucket, int logTailLines) {

    public static final String BUILDS_DIRECTORY = ".builds";

    public LocalSettings {
        home = home.toAbsolutePath().normalize();
        sandboxRoot = sandboxRoot.toAbsolutePath().normalize();
        buildsDir = buildsDir.toAbsolutePath().normalize();
        Objects.requireNonNull(sandboxTtl, "sandboxTtl");
        Objects.requireNonNull(skipTeardownTtl, "skipTeardownTtl");
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    public static LocalSettings from(ProvisionerConfig config) {
        ProvisionerConfig.Local local = config.local();
        Path home = local.home().orElseGet(InttestHome::resolve);
        return new LocalSettings(home,
                local.sandboxRoot().orElseGet(() -> SandboxRoot.resolve(null, () -> home)),
                local.buildsDir().orElseGet(() -> home.resolve(BUILDS_DIRECTORY)),
                config.sandboxTtl(), config.skipTeardownTtl(), config.lockTimeout(), local.infraTimeout(),
                local.serviceReadyTimeout(), local.stopGrace(), local.serviceJvmOptions(), local.postgresUser(),
                local.postgresDatabase(), local.bucket(), local.logTailLines());
    }

    /** The defaults of {@link ProvisionerConfig} for a given home, sandbox root and builds directory. */
    /**
     * The JVM options of a service under test in a sandbox, which lives for one run (about a minute): C1 alone
     * compiles what a run exercises, while C2 would spend the two cores on code that is thrown away with the
     * sandbox (four services starting at once took about 40 % longer with it here, and the runs' measurements compete with its
     * compiler threads); serial GC and a small heap, as for a container with a small limit.
     */
    public static final String SERVICE_JVM_OPTIONS =
            "-Xms32m,-Xmx256m,-XX:+UseSerialGC,-XX:TieredStopAtLevel=1,-XX:+ExitOnOutOfMemoryError";

    public static LocalSettings defaults(Path home, Path sandboxRoot, Path buildsDir) {
        return new LocalSettings(home, sandboxRoot, buildsDir, Duration.ofHours(2), Duration.ofHours(24),
                Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofSeconds(10),
                List.of(SERVICE_JVM_OPTIONS.split(",")), "stonks", "stonks",
                "stonks-documents", 20);
    }

    public LocalSettings withServiceReadyTimeout(Duration timeout) {
        return new LocalSettings(home, sandboxRoot, buildsDir, sandboxTtl, skipTeardownTtl, lockTimeout,
                infraTimeout, timeout, stopGrace, serviceJvmOptions, postgresUser, postgresDatabase, bucket,
                logTailLines);
    }

    public LocalSettings withTtl(Duration ttl, Duration skipTeardown) {
        return new LocalSettings(home, sandboxRoot, buildsDir, ttl, skipTeardown, lockTimeout, infraTimeout,
                serviceReadyTimeout, stopGrace, serviceJvmOptions, postgresUser, postgresDatabase, bucket,
                logTailLines);
    }
}
