package dev.stonks.inttest.support.owner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process that owns this service (the CLI that started its local stack): pid plus start time in clock ticks
 * since boot ({@code /proc/<pid>/stat}, field 22), because a pid alone is handed out again once its process is gone.
 */
public record OwnerProcess(long pid, long startTicks) {

    /** Whether that very process still runs (not a zombie, not a recycled pid). */
    public boolean isAlive() {
        return startTicks(pid).map(ticks -> ticks == startTicks).orElse(false);
    }

    /** Field 22 of {@code /proc/<pid>/stat}, or empty when no such live process exists. */
    public static Optional<Long> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count from the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(fields[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
