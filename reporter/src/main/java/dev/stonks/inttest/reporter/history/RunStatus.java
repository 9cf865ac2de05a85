package dev.stonks.inttest.reporter.history;

import java.util.List;

/** A run's status in the history and the API: running until its verdict, then what the exit code says. */
public final class RunStatus {
    public static final String RUNNING = "running";
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String ERROR = "error";
    public static final String CANCELLED = "cancelled";
    public static final List<String> ALL = List.of(RUNNING, PASSED, FAILED, ERROR, CANCELLED);

    private RunStatus() {
    }

    /** passed = exit 0, failed = exit 1, error = exit 2 not cancelled, cancelled. */
    public static String of(int exitCode, boolean cancelled) {
        if (cancelled) {
            return CANCELLED;
        }
        return switch (exitCode) {
            case 0 -> PASSED;
            case 1 -> FAILED;
            default -> ERROR;
        };
    }
}
