package dev.stonks.inttest.artifacts;

/**
 * The store could not do what was asked. The message names the endpoint, the bucket, the key and what the store
 * answered (or why it could not be reached).
 */
public class ArtifactStoreException extends RuntimeException {

    public ArtifactStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
