package dev.stonks.inttest.localstack.stack;

import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts the guard of a stack ({@code stack-guard.sh}, a detached bash process): when the owner is killed without a
 * chance to stop its stack, the guard gives the services {@code grace} to exit on their own, then stops whatever of
 * {@code stack.pids} is still the same process, stops the broker and deletes its data. It exits as soon as the stack
 * is marked {@link StackFile#CLOSED}.
 */
public final class StackGuard {
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    static final String SCRIPT = "stack-guard.sh";

    private StackGuard() {
    }

    /** Starts the guard of {@code stackDir} for {@code owner}; its log is {@code stackDir/logs/guard.log}. */
    public static Process start(Path stackDir, ProcessIdentity owner, Duration grace) {
        if (owner.startTicks() == null) {
            throw new IllegalStateException("the guard needs /proc (start ticks of pid " + owner.pid() + ")");
        }
        Path script = stackDir.resolve(SCRIPT);
        try (InputStream in = StackGuard.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT + " is missing");
            }
            Files.createDirectories(stackDir);
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
        return ProcessControl.start(List.of("bash", script.toString(), stackDir.toAbsolutePath().toString(),
                Long.toString(owner.pid()), Long.toString(owner.startTicks()), Long.toString(grace.toSeconds())),
                stackDir.resolve("logs").resolve("guard.log"), Map.of(), stackDir);
    }
}
