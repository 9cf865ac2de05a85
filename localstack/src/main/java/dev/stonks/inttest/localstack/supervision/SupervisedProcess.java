package dev.stonks.inttest.localstack.supervision;

import dev.stonks.inttest.localstack.ProcessControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps one process running: when it exits while not {@link #close() closed}, it is launched again (same command,
 * ports and environment: whatever the {@link Launcher} does) after the backoff of its {@link RestartPolicy}; after a
 * crash loop it is reported dead with the tail of its log. Reports are lines such as
 * {@code provisioner exited (code 137); restarting in 1 s (restart 1)}.
 */
public final class SupervisedProcess implements AutoCloseable {
    static final int LOG_TAIL_LINES = 20;

    /** Starts one incarnation of the process; throws when it cannot. */
    @FunctionalInterface
    public interface Launcher {
        Process launch();
    }

    private final String name;
    private final Launcher launcher;
    private final RestartPolicy policy;
    private final boolean restartEnabled;
    private final Path logFile;
    private final Consumer<String> report;
    private final Consumer<Process> onRestarted;
    private final ScheduledExecutorService scheduler;

    private Process current;
    private long startedNanos;
    private boolean closed;
    private boolean dead;
    private ScheduledFuture<?> pending;

    /**
     * @param name           for reports
     * @param launcher       starts the process again
     * @param settings       backoff and crash-loop limit
     * @param restartEnabled false: an exit is reported, not restarted (the process counts as dead)
     * @param logFile        its log, quoted when it is dead
     * @param report         receives one line per restart, and the dead report
     * @param onRestarted    called with each new incarnation (e.g. to record its pid)
     */
    public SupervisedProcess(String name, Launcher launcher, RestartPolicy.Settings settings, boolean restartEnabled,
            Path logFile, Consumer<String> report, Consumer<Process> onRestarted) {
        this.name = Objects.requireNonNull(name, "name");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.policy = new RestartPolicy(settings);
        this.restartEnabled = restartEnabled;
        this.logFile = logFile;
        this.report = Objects.requireNonNull(report, "report");
        this.onRestarted = Objects.requireNonNull(onRestarted, "onRestarted");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "supervise-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Launches the first incarnation and supervises it; throws (and supervises nothing) when the launch fails. */
    public SupervisedProcess start() {
        supervise(launcher.launch());
        return this;
    }

    /** Supervises a first incarnation started by the caller. */
    public SupervisedProcess supervise(Process first) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(name + " is no longer supervised");
            }
            current = first;
            startedNanos = System.nanoTime();
        }
        first.onExit().thenAccept(this::exited);
        return this;
    }

    public String name() {
        return name;
    }

    /** The current incarnation (the last one, when dead). */
    public synchronized Process process() {
        return current;
    }

    public synchronized long pid() {
        return current.pid();
    }

    /** Restarts made so far. */
    public int restarts() {
        return policy.restarts();
    }

    /** Whether it was given up (a crash loop, or an exit with restarts switched off). */
    public synchronized boolean isDead() {
        return dead;
    }

    /** SIGKILL to the current incarnation (a fault for tests); the supervisor restarts it as after any exit. */
    public void kill() {
        Process p = process();
        if (p.isAlive()) {
            ProcessControl.signal(p.pid(), "KILL");
        }
    }

    /** Stops supervising: no restart after this (a pending one is cancelled). The process itself is left running. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        scheduler.shutdown();
    }

    private void exited(Process process) {
        int code = process.exitValue();
        Duration uptime = Duration.ofNanos(System.nanoTime() - startedNanos);
        synchronized (this) {
            if (closed || process != current) {
                return;
            }
            decide("exited (code " + code + ")", uptime);
        }
    }

    /** Under the lock: restart later or give up. */
    private void decide(String what, Duration uptime) {
        if (!restartEnabled) {
            dead = true;
            report.accept(name + " " + what + "; supervision is off, not restarting");
            return;
        }
        RestartPolicy.Decision decision = policy.onExit(uptime);
        if (decision instanceof RestartPolicy.Restart restart) {
            report.accept(name + " " + what + "; restarting in " + seconds(restart.delay()) + " s (restart "
                    + restart.restart() + ")");
            pending = scheduler.schedule(this::relaunch, restart.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else if (decision instanceof RestartPolicy.GiveUp giveUp) {
            dead = true;
            report.accept(name + " is dead after " + giveUp.restarts() + " restarts; last log lines:"
                    + System.lineSeparator() + ProcessControl.tail(logFile, LOG_TAIL_LINES));
        }
    }

    private void relaunch() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        long launchedNanos = System.nanoTime();
        Process next;
        try {
            next = launcher.launch();
        } catch (RuntimeException e) {
            synchronized (this) {
                if (!closed) {
                    decide("failed to start (" + firstLine(e.getMessage()) + ")",
                            Duration.ofNanos(System.nanoTime() - launchedNanos));
                }
            }
            return;
        }
        synchronized (this) {
            if (closed) {
                // closed while it was starting: it must not outlive the stack
                ProcessControl.signal(next.pid(), "KILL");
                return;
            }
            current = next;
            startedNanos = launchedNanos;
        }
        next.onExit().thenAccept(this::exited);
        onRestarted.accept(next);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
