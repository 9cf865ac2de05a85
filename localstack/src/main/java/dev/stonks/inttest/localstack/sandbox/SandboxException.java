package dev.stonks.inttest.localstack.sandbox;

import java.nio.file.Path;

/** A sandbox directory could not be used as asked; {@link #reason()} says why. */
public class SandboxException extends RuntimeException {

    public enum Reason {
        /** No directory for the namespace. */
        NOT_FOUND,
        /** A directory without the pipeline's valid {@code sandbox.json}, or one of another run. */
        NOT_OWNED,
        /** The namespace's directory already exists. */
        EXISTS,
        /** Another holder kept the sandbox's lock for too long. */
        LOCK_TIMEOUT,
        /** The sandbox lacks something (e.g. a component not recorded yet). */
        INCOMPLETE
    }

    private final Reason reason;
    private final Path dir;

    public SandboxException(Reason reason, Path dir, String message) {
        super(message);
        this.reason = reason;
        this.dir = dir;
    }

    public SandboxException(Reason reason, Path dir, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.dir = dir;
    }

    public Reason reason() {
        return reason;
    }

    public Path dir() {
        return dir;
    }
}
