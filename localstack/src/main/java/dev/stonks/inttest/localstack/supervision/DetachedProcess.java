package dev.stonks.inttest.localstack.supervision;

import dev.stonks.inttest.localstack.ProcessControl;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A process known only by its pid (PostgreSQL's postmaster, daemonised by {@code pg_ctl}; a component started by
 * another launcher) as a {@link Process}, so that a {@link SupervisedProcess} can watch it like a child. Its exit is
 * seen by polling ({@link ProcessControl#isAlive}: a zombie counts as gone); its exit code is unknown (-1).
 */
public final class DetachedProcess extends Process {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "detached-process-watch");
        t.setDaemon(true);
        return t;
    });

    private final long pid;
    private final CompletableFuture<Process> exit = new CompletableFuture<>();

    private DetachedProcess(long pid) {
        this.pid = pid;
    }

    /** Watches {@code pid} from now on. */
    public static DetachedProcess of(long pid) {
        DetachedProcess process = new DetachedProcess(pid);
        process.poll();
        return process;
    }

    private void poll() {
        if (!ProcessControl.isAlive(pid)) {
            exit.complete(this);
            return;
        }
        WATCHER.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.thenApply(p -> p);
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone() && ProcessControl.isAlive(pid);
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            exit.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return ProcessControl.awaitExit(pid, Duration.ofNanos(unit.toNanos(timeout)));
    }

    /** -1 once it is gone (the code of a process that is not our child is not known); throws while it runs. */
    @Override
    public int exitValue() {
        if (isAlive()) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return -1;
    }

    @Override
    public void destroy() {
        ProcessControl.signal(pid, "TERM");
    }

    @Override
    public Process destroyForcibly() {
        ProcessControl.signal(pid, "KILL");
        return this;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public String toString() {
        return "DetachedProcess[pid=" + pid + "]";
    }
}
