package dev.stonks.inttest.localstack.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stonks.inttest.localstack.ProcessControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A process as recorded in {@code sandbox.json}: its pid and when it started. A pid alone is not an identity, the
 * kernel hands it out again once the process is gone; pid plus start time is. {@link #isRunning()} is true only
 * while that very process runs, so a teardown that stops what it recorded never hits a recycled pid.
 *
 * @param pid        the process id
 * @param startedAt  its start instant as the JDK reports it ({@code ProcessHandle.Info#startInstant})
 * @param startTicks its start time in clock ticks since boot ({@code /proc/<pid>/stat}, field 22), null where
 *                   there is no /proc; exact and immune to wall-clock changes, so preferred when both sides have it
 */
public record ProcessIdentity(long pid, Instant startedAt, Long startTicks) {

    /** How far two start instants may differ and still be one process, when no tick count is known. */
    static final Duration INSTANT_TOLERANCE = Duration.ofSeconds(1);

    public ProcessIdentity {
        if (pid <= 0) {
            throw new IllegalArgumentException("not a pid: " + pid);
        }
        if (startedAt == null && startTicks == null) {
            throw new IllegalArgumentException("process " + pid + ": a start instant or start ticks are required");
        }
    }

    /** The identity of the live process {@code pid}, or empty when no such process runs. */
    public static Optional<ProcessIdentity> of(long pid) {
        if (!ProcessControl.isAlive(pid)) {
            return Optional.empty();
        }
        Instant started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(null);
        Long ticks = startTicks(pid);
        if (started == null && ticks == null) {
            return Optional.empty();
        }
        return Optional.of(new ProcessIdentity(pid, started, ticks));
    }

    /** The identity of a process just started (e.g. {@code Process#pid()}); fails when it is already gone. */
    public static ProcessIdentity ofRunning(long pid) {
        return of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " is not running"));
    }

    /** Whether this very process still runs: the pid is alive and started when it was recorded to. */
    @JsonIgnore
    public boolean isRunning() {
        return of(pid).map(this::sameProcessAs).orElse(false);
    }

    /** Whether the pid now belongs to another process than the one recorded (it was recycled). */
    @JsonIgnore
    public boolean isRecycled() {
        return of(pid).map(current -> !sameProcessAs(current)).orElse(false);
    }

    boolean sameProcessAs(ProcessIdentity other) {
        if (pid != other.pid) {
            return false;
        }
        if (startTicks != null && other.startTicks != null) {
            return startTicks.equals(other.startTicks);
        }
        if (startedAt == null || other.startedAt == null) {
            return false;
        }
        return Duration.between(startedAt, other.startedAt).abs().compareTo(INSTANT_TOLERANCE) <= 0;
    }

    /**
     * Stops this very process (not its descendants): SIGTERM, then SIGKILL when it still runs after {@code grace}
     * ({@code grace} zero: SIGKILL at once). Each signal is sent only while the pid still names this process, so a
     * recycled pid is never signalled. Returns whether it was running.
     */
    public boolean terminate(Duration grace) {
        if (!isRunning()) {
            return false;
        }
        if (!grace.isZero() && ProcessControl.signal(pid, "TERM")) {
            ProcessControl.awaitExit(pid, grace);
        }
        if (isRunning()) {
            ProcessControl.signal(pid, "KILL");
            ProcessControl.awaitExit(pid, Duration.ofSeconds(5));
        }
        return true;
    }

    /** The start ticks of the current process (this JVM), null without /proc. */
    public static Long currentStartTicks() {
        return startTicks(ProcessHandle.current().pid());
    }

    /** Field 22 of {@code /proc/<pid>/stat}; null without /proc. */
    public static Long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count from the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(fields[22 - 3]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
