package dev.stonks.inttest.events;

/** A stage's work failed in a way it can name: {@code kind} becomes {@code error.kind} of stage.completed. */
public class StageFailedException extends RuntimeException {
    private final String kind;

    public StageFailedException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StageFailedException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
