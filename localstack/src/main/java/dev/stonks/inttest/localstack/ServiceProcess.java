package dev.stonks.inttest.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Java application launched with {@code java -jar} (same Java as this JVM) as a detached process: it
 * outlives this JVM unless stopped. {@link #close()} stops it; from another JVM use
 * {@code ProcessControl.stop(pid, grace)}.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    private final ServiceSpec spec;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the application; does not wait for it (see {@link #waitReady(URI)}). */
    public static ServiceProcess launch(ServiceSpec spec) {
        Path jar = spec.jar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No jar " + jar + " for " + spec.name() + " (is its module packaged?)");
        }
        Path workDir = spec.workingDirectory() != null ? spec.workingDirectory() : jar.getParent();
        Process process = ProcessControl.start(
                JavaCommand.jar(spec.jvmOptions(), spec.systemProperties(), jar, spec.args()),
                spec.logFile(), spec.env(), workDir);
        return new ServiceProcess(spec, process);
    }

    /** Waits until GET {@code readyUri} answers 200 (60 s at most); fails at once if the process dies. */
    public ServiceProcess waitReady(URI readyUri) {
        return waitReady(readyUri, DEFAULT_READY_TIMEOUT);
    }

    public ServiceProcess waitReady(URI readyUri, Duration timeout) {
        try {
            HttpReadiness.await(readyUri, timeout, process.toHandle(), spec.logFile());
        } catch (StartFailedException e) {
            String code = process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
            throw new StartFailedException(spec.name() + " is not ready" + code + ": " + e.getMessage(), null, e);
        }
        return this;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path logFile() {
        return spec.logFile();
    }

    public boolean isAlive() {
        return ProcessControl.isAlive(process.pid());
    }

    /** SIGTERM to it and its descendants, SIGKILL after {@code grace}. Returns whether it was running. */
    public boolean stop(Duration grace) {
        return ProcessControl.stop(process.pid(), grace);
    }

    /** {@link #stop(Duration)} with 10 s of grace. */
    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }
}
