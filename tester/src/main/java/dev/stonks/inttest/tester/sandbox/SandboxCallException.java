package dev.stonks.inttest.tester.sandbox;

/**
 * An HTTP call to the sandbox could not be made or completed (connection refused, timeout, unknown service). Not
 * an {@link AssertionError}: a test that hits it is reported as an {@code error}, not a {@code failure}.
 */
public class SandboxCallException extends RuntimeException {
    public SandboxCallException(String message) {
        super(message);
    }

    public SandboxCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
