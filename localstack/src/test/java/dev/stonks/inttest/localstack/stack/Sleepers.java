package dev.stonks.inttest.localstack.stack;

import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real processes for the reaping tests: {@code sleep}s, dead owners, and identities of recycled pids. Register it as
 * an extension ({@code @RegisterExtension}): what it started is killed after each test.
 */
public final class Sleepers implements AutoCloseable, AfterEachCallback {
    private final Path logs;
    private final List<Process> started = new ArrayList<>();

    public Sleepers() {
        try {
            this.logs = Files.createTempDirectory("sleepers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Sleepers(Path logs) {
        this.logs = logs;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** A live {@code sleep 300}, detached like every localstack process. */
    public ProcessIdentity sleeper(String name) {
        return start(name, List.of("sleep", "300"));
    }

    public ProcessIdentity start(String name, List<String> command) {
        Process process = ProcessControl.start(command, logs.resolve(name + ".log"));
        started.add(process);
        return ProcessIdentity.ofRunning(process.pid());
    }

    /** The identity of a process that ran and is gone: an owner that died. */
    public ProcessIdentity dead(String name) {
        ProcessIdentity identity = sleeper(name);
        ProcessControl.signal(identity.pid(), "KILL");
        ProcessControl.awaitExit(identity.pid(), Duration.ofSeconds(5));
        return identity;
    }

    /** What a record would say about {@code live}'s pid had an earlier process owned it: a recycled pid. */
    public static ProcessIdentity recycled(ProcessIdentity live) {
        return new ProcessIdentity(live.pid(), live.startedAt().minusSeconds(600), live.startTicks() - 60_000);
    }

    public static boolean alive(ProcessIdentity process) {
        return process.isRunning();
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }
}
