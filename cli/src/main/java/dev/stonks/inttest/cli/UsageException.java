package dev.stonks.inttest.cli;

/** Bad command-line input: the CLI prints the reason and the usage, and exits 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
