package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.localstack.ProcessControl;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Error messages for failed components: what failed, why (first line), and the end of its log. */
final class Failures {
    private Failures() {
    }

    static String describe(String component, Throwable failure, Path logFile, int tailLines) {
        Throwable cause = unwrap(failure);
        String reason = firstLine(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        StringBuilder s = new StringBuilder(component).append(": ").append(reason);
        if (logFile != null && tailLines > 0) {
            s.append(System.lineSeparator()).append("--- last lines of ").append(logFile).append(" ---")
                    .append(System.lineSeparator()).append(ProcessControl.tail(logFile, tailLines));
        }
        return s.toString();
    }

    static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
