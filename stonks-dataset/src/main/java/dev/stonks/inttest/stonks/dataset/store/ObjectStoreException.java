package dev.stonks.inttest.stonks.dataset.store;

/** An object-store operation failed; the message names the bucket and key. */
public class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
