package dev.stonks.inttest.localstack.sandbox;

import dev.stonks.inttest.localstack.PostgresServer;
import dev.stonks.inttest.localstack.ProcessControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Stops the processes of a sandbox of the pipeline and removes its directory. A recorded process is stopped only
 * while it is still the very process recorded (pid and start time), so a recycled pid is never signalled. The
 * caller holds the sandbox's lock and has checked that the sandbox is the one it means.
 */
public final class SandboxTeardown {
    private static final System.Logger LOG = System.getLogger(SandboxTeardown.class.getName());

    /** What a removal did: the components stopped, and notes (e.g. a recycled pid left alone). */
    public record Result(List<String> stopped, List<String> notes) {
        public Result {
            stopped = List.copyOf(stopped);
            notes = List.copyOf(notes);
        }
    }

    private final Duration stopGrace;
    private final Executor executor;

    public SandboxTeardown(Duration stopGrace, Executor executor) {
        this.stopGrace = stopGrace;
        this.executor = executor;
    }

    /** Stops everything (services first, then the infrastructure, each group in parallel) and deletes the directory. */
    public Result remove(LocalSandbox sandbox) {
        SandboxRecord record = sandbox.reload();
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        stopAll(record.runId(), record.components(ComponentKind.SERVICE), stopped, notes);
        stopAll(record.runId(), record.components(ComponentKind.INFRA), stopped, notes);
        stopUnrecordedPostmaster(record.runId(), sandbox, stopped);
        stopStrays(record.runId(), sandbox, notes);
        sandbox.delete();
        return new Result(stopped, notes);
    }

    /** Stops the services only (before a redeploy); returns their names, and drops them from sandbox.json. */
    public List<String> stopServices(LocalSandbox sandbox) {
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        SandboxRecord record = sandbox.reload();
        stopAll(record.runId(), record.components(ComponentKind.SERVICE), stopped,
                Collections.synchronizedList(new ArrayList<>()));
        sandbox.update(r -> r.withoutComponents(c -> c.kind() == ComponentKind.SERVICE));
        return List.copyOf(stopped);
    }

    private void stopAll(String runId, Map<String, SandboxComponent> components, List<String> stopped,
            List<String> notes) {
        CompletableFuture.allOf(components.entrySet().stream()
                .map(e -> CompletableFuture.runAsync(() -> stop(runId, e.getKey(), e.getValue(), stopped, notes),
                        executor))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void stop(String runId, String name, SandboxComponent component, List<String> stopped,
            List<String> notes) {
        ProcessIdentity process = component.process();
        if (process.isRunning()) {
            if (LocalSandbox.POSTGRES.equals(name)) {
                PostgresServer.stop(process.pid());
            } else {
                ProcessControl.stop(process.pid(), stopGrace);
            }
            stopped.add(name);
            LOG.log(System.Logger.Level.INFO, "run {0}: stopped {1} (pid {2})", runId, name,
                    Long.toString(process.pid()));
        } else if (process.isRecycled()) {
            String note = "pid " + process.pid() + " of " + name + " now belongs to another process: not signalled";
            notes.add(note);
            LOG.log(System.Logger.Level.WARNING, "run {0}: {1}", runId, note);
        }
    }

    /**
     * A postmaster can run without a record when infra_deploy died while PostgreSQL was starting. Its pid is in
     * {@code postmaster.pid} of the sandbox's data directory; it is stopped only if that process really serves that
     * directory (its working directory or command line), so a stale pid file never leads to a wrong process.
     */
    private void stopUnrecordedPostmaster(String runId, LocalSandbox sandbox, List<String> stopped) {
        Path dataDir = sandbox.componentDir(LocalSandbox.POSTGRES).resolve("data");
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        OptionalLong pid = PostgresServer.runningPid(dataDir);
        if (pid.isPresent() && serves(pid.getAsLong(), dataDir)) {
            PostgresServer.stop(pid.getAsLong());
            stopped.add(LocalSandbox.POSTGRES);
            LOG.log(System.Logger.Level.WARNING, "run {0}: stopped an unrecorded PostgreSQL (pid {1}) of {2}", runId,
                    Long.toString(pid.getAsLong()), dataDir);
        }
    }

    /**
     * Processes nobody recorded: a provisioner killed while a component was starting leaves one (its record is
     * written once it is ready). Every process the pipeline starts for a sandbox runs in a directory of that sandbox
     * and carries the pipeline's environment ({@code INTTEST_*}), so a process with both is one of ours; it is
     * stopped with its descendants. Anything else, such as a shell someone opened in the directory, is left alone.
     */
    private void stopStrays(String runId, LocalSandbox sandbox, List<String> notes) {
        Path dir;
        try {
            dir = sandbox.dir().toRealPath();
        } catch (IOException e) {
            return;
        }
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().filter(p -> p.pid() != self && ProcessControl.isAlive(p.pid()))
                .filter(p -> workingDirectory(p.pid()).map(cwd -> cwd.startsWith(dir)).orElse(false))
                .filter(p -> hasPipelineEnvironment(p.pid()))
                .forEach(p -> {
                    String command = p.info().command().orElse("?");
                    ProcessControl.stop(p.pid(), stopGrace);
                    String note = "stopped an unrecorded process of the sandbox: pid " + p.pid() + " (" + command
                            + ")";
                    notes.add(note);
                    LOG.log(System.Logger.Level.WARNING, "run {0}: {1}", runId, note);
                });
    }

    /** The working directory of {@code pid} from {@code /proc} (also when it was deleted), empty where unreadable. */
    private static Optional<Path> workingDirectory(long pid) {
        try {
            String cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).toString();
            return Optional.of(Path.of(cwd.endsWith(" (deleted)")
                    ? cwd.substring(0, cwd.length() - " (deleted)".length()) : cwd));
        } catch (IOException | UnsupportedOperationException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean hasPipelineEnvironment(long pid) {
        try {
            String environ = Files.readString(Path.of("/proc", Long.toString(pid), "environ"),
                    StandardCharsets.ISO_8859_1);
            return ("\0" + environ).contains("\0INTTEST_");
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code pid} serves the PostgreSQL data directory {@code dataDir} (its cwd or command line). */
    public static boolean serves(long pid, Path dataDir) {
        try {
            Path real = dataDir.toRealPath();
            if (workingDirectory(pid).map(real::equals).orElse(false)) {
                return true;
            }
        } catch (IOException e) {
            // the directory is gone: fall back to the command line
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine())
                .map(cmd -> cmd.contains(dataDir.toString())).orElse(false);
    }
}
