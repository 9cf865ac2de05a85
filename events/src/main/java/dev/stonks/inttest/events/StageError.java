package dev.stonks.inttest.events;

/** Why a stage failed: a short machine-readable kind and a human-readable message. */
public record StageError(String kind, String message) {
    public StageError {
        Required.field(kind, "error.kind");
        message = message == null ? "" : message;
    }
}
