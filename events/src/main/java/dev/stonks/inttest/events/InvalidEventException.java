package dev.stonks.inttest.events;

/** An event that cannot be accepted; the reason travels to the dead-letter topic with it. */
public class InvalidEventException extends RuntimeException {

    public enum Reason {
        NOT_JSON, MISSING_ATTRIBUTE, UNKNOWN_TYPE, UNSUPPORTED_VERSION, INVALID_DATA, WRONG_TOPIC
    }

    private final Reason reason;

    public InvalidEventException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidEventException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason.name().toLowerCase().replace('_', '-') + ": " + super.getMessage();
    }
}
