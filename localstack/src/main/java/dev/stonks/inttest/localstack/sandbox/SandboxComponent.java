package dev.stonks.inttest.localstack.sandbox;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One process of a sandbox as recorded in {@code sandbox.json}.
 *
 * @param kind       infrastructure or service under test
 * @param pid        its pid
 * @param startedAt  its start instant (with {@code startTicks}, what tells it from a later process with the same pid)
 * @param startTicks its start in clock ticks since boot, null where unknown
 * @param port       its TCP port on 127.0.0.1
 * @param endpoint   how to reach it, without credentials ({@code postgresql://127.0.0.1:5432/stonks},
 *                   {@code redis://127.0.0.1:6379}, {@code http://127.0.0.1:9000})
 * @param dataDir    its data directory, or null
 * @param logFile    its log
 * @param attempt    the attempt of the stage that started it
 * @param readyS     seconds from its start to ready, null while it is not (yet) ready
 */
public record SandboxComponent(ComponentKind kind, long pid, Instant startedAt, Long startTicks, int port,
        String endpoint, String dataDir, String logFile, int attempt, Double readyS) {

    public SandboxComponent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(logFile, "logFile");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        attempt = Math.max(attempt, 1);
    }

    /** A component for the process {@code identity}, not yet known to be ready. */
    public static SandboxComponent of(ComponentKind kind, ProcessIdentity identity, int port, String endpoint,
            Path dataDir, Path logFile, int attempt) {
        return new SandboxComponent(kind, identity.pid(), identity.startedAt(), identity.startTicks(), port,
                endpoint, dataDir == null ? null : dataDir.toString(), logFile.toString(), attempt, null);
    }

    /** The same component, ready {@code seconds} after it started. */
    public SandboxComponent withReadyS(double seconds) {
        return new SandboxComponent(kind, pid, startedAt, startTicks, port, endpoint, dataDir, logFile, attempt,
                seconds);
    }

    public ProcessIdentity process() {
        return new ProcessIdentity(pid, startedAt, startTicks);
    }

    /** Whether the recorded process still runs (not merely some process with its pid). */
    public boolean isRunning() {
        return process().isRunning();
    }

    public Path logPath() {
        return Path.of(logFile);
    }
}
