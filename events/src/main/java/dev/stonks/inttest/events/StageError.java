package dev.stonks.inttest.events;

/** Why a stage failed: a short machine-readable kind and a human-readable message. */
public record StageError(String kind, String message) {
    /** The kind of a stage stopped by run.cancel-requested. */
    public static final String CANCELLED = "cancelled";
    /** The kind of a stage the watchdog ended (no heartbeat, never started, or over its maximum duration). */
    public static final String TIMED_OUT = "timed_out";

    public StageError {
        Required.field(kind, "error.kind");
        message = message == null ? "" : message;
    }

    public boolean cancelled() {
        return CANCELLED.equals(kind);
    }
}
