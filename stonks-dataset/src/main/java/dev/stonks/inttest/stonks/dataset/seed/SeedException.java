package dev.stonks.inttest.stonks.dataset.seed;

/** Seeding failed; the database transaction was rolled back. */
public class SeedException extends RuntimeException {

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
