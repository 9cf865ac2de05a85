package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.localstack.PostgresServer;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Stops the processes of a sandbox of the pipeline and removes its directory. A recorded process is stopped only
 * while it is still the very process recorded (pid and start time), so a recycled pid is never signalled. The
 * caller holds the sandbox's lock and has checked that it belongs to the run.
 */
final class SandboxRemover {
    private static final Logger LOG = Logger.getLogger(SandboxRemover.class);

    private final Duration stopGrace;
    private final Executor executor;

    SandboxRemover(Duration stopGrace, Executor executor) {
        this.stopGrace = stopGrace;
        this.executor = executor;
    }

    /** Stops everything (services first, then the infrastructure, each group in parallel) and deletes the directory. */
    TeardownOutput remove(String runId, LocalSandbox sandbox) {
        SandboxRecord record = sandbox.reload();
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        stopAll(runId, record.components(ComponentKind.SERVICE), stopped, notes);
        stopAll(runId, record.components(ComponentKind.INFRA), stopped, notes);
        stopUnrecordedPostmaster(runId, sandbox, stopped);
        sandbox.delete();
        LOG.infof("run %s: sandbox %s removed (stopped: %s)", runId, sandbox.dir(), stopped);
        return new TeardownOutput(List.copyOf(stopped), List.of(sandbox.dir().toString()),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** Stops the services only (before a redeploy); returns their names, and drops them from sandbox.json. */
    List<String> stopServices(String runId, LocalSandbox sandbox) {
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        stopAll(runId, sandbox.reload().components(ComponentKind.SERVICE), stopped,
                Collections.synchronizedList(new ArrayList<>()));
        sandbox.update(r -> r.withoutComponents(c -> c.kind() == ComponentKind.SERVICE));
        return stopped;
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
            LOG.infof("run %s: stopped %s (pid %d)", runId, name, process.pid());
        } else if (process.isRecycled()) {
            String note = "pid " + process.pid() + " of " + name + " now belongs to another process: not signalled";
            notes.add(note);
            LOG.warnf("run %s: %s", runId, note);
        } else {
            LOG.debugf("run %s: %s (pid %d) had already exited", runId, name, process.pid());
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
            LOG.warnf("run %s: stopped an unrecorded PostgreSQL (pid %d) of %s", runId, pid.getAsLong(), dataDir);
        }
    }

    static boolean serves(long pid, Path dataDir) {
        try {
            Path real = dataDir.toRealPath();
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
            if (cwd.equals(real)) {
                return true;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc, or not ours to read: fall back to the command line
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine())
                .map(cmd -> cmd.contains(dataDir.toString())).orElse(false);
    }
}
