package dev.stonks.inttest.provisioner.kubernetes;

/** A manifest that cannot be read, has an unknown placeholder or field, or is not the kind it should be. */
public class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
