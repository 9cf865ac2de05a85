package dev.stonks.inttest.localstack;

import java.nio.file.Path;

/** A component did not start or did not become ready; the message ends with the tail of its log file. */
public class StartFailedException extends RuntimeException {

    private static final int TAIL_LINES = 40;

    public StartFailedException(String message, Path logFile) {
        super(withTail(message, logFile));
    }

    public StartFailedException(String message, Path logFile, Throwable cause) {
        super(withTail(message, logFile), cause);
    }

    private static String withTail(String message, Path logFile) {
        if (logFile == null) {
            return message;
        }
        return message + System.lineSeparator() + "--- last lines of " + logFile + " ---" + System.lineSeparator()
                + ProcessControl.tail(logFile, TAIL_LINES);
    }
}
