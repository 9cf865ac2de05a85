package dev.stonks.inttest.localstack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts, watches and stops OS processes.
 *
 * <p>Started processes are detached: they get their own session ({@code setsid}), stdin from /dev/null and
 * stdout+stderr appended to a log file, so they outlive the JVM that started them and are not hit by a
 * Ctrl-C meant for it. Everything else here needs only a pid, so it works from another JVM than the one
 * that started the process (e.g. a teardown that reads recorded pids).
 */
public final class ProcessControl {

    private static final Path SETSID = findExecutable("setsid");
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private ProcessControl() {
    }

    /** Starts {@code command} in the current directory with the inherited environment. */
    public static Process start(List<String> command, Path logFile) {
        return start(command, logFile, Map.of(), null);
    }

    /**
     * Starts {@code command} detached, with stdout and stderr appended to {@code logFile} (its directory is
     * created), the inherited environment plus {@code extraEnv}, in {@code workingDirectory} (null: the
     * current one). The returned {@link Process#pid()} is the command's own pid.
     */
    public static Process start(List<String> command, Path logFile, Map<String, String> extraEnv,
                                Path workingDirectory) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("Empty command");
        }
        List<String> full = new ArrayList<>();
        if (SETSID != null) {
            // The JVM's child is no process-group leader, so setsid(1) calls setsid(2) and execs in place:
            // the pid stays the command's.
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(prepareLogFile(logFile).toFile()));
        builder.environment().putAll(extraEnv);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** Whether {@code pid} is a running process (a zombie, dead but not yet reaped, counts as gone). */
    public static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        return !isZombie(pid);
    }

    /**
     * Stops {@code pid} and its descendants: SIGTERM to all of them, then SIGKILL to what is still alive
     * after {@code grace}. Returns whether the process was alive when called. Returns once all are gone
     * (or, in the unlikely case SIGKILL did not end them within 5 s, throws).
     */
    public static boolean stop(long pid, Duration grace) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty() || !isAlive(pid)) {
            return false;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root.get());
        root.get().descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        if (awaitAllGone(tree, grace)) {
            return true;
        }
        root.get().descendants().forEach(p -> {
            if (!tree.contains(p)) {
                tree.add(p);
            }
        });
        tree.stream().filter(p -> isAlive(p.pid())).forEach(ProcessHandle::destroyForcibly);
        if (!awaitAllGone(tree, AFTER_KILL)) {
            throw new IllegalStateException("Process " + pid + " (or a descendant) survived SIGKILL");
        }
        return true;
    }

    /** Sends a signal by name ("INT", "TERM", "HUP", ...) with kill(1); returns whether it was delivered. */
    public static boolean signal(long pid, String signal) {
        if (!isAlive(pid)) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until {@code pid} is gone; returns false when it is still alive after {@code timeout}. */
    public static boolean awaitExit(long pid, Duration timeout) {
        return awaitAllGone(ProcessHandle.of(pid).stream().toList(), timeout);
    }

    /** The last {@code lines} lines of a log file (at most its last 64 KiB), or a note when it is absent. */
    public static String tail(Path logFile, int lines) {
        if (logFile == null || !Files.isRegularFile(logFile)) {
            return "(no log file " + logFile + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int start = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), List.of(all).subList(start, all.length));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /** The path of an executable found on PATH (or in /usr/bin, /bin), or null. */
    static Path findExecutable(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    // real, effective, saved, fs
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException ignored) {
            // not Linux: fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path prepareLogFile(Path logFile) {
        try {
            Path abs = logFile.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            return abs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + logFile, e);
        }
    }

    /**
     * A zombie has exited but is not reaped yet (processes reparented to init wait for init to reap them).
     * Only a zombie whose threads are all gone counts: while a multi-threaded process exits, its leader can
     * show state Z for a moment while other threads still hold its sockets open.
     */
    private static boolean isZombie(long pid) {
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            String stat = Files.readString(proc.resolve("stat"));
            int afterName = stat.lastIndexOf(')');
            char state = stat.charAt(afterName + 2);
            if (state != 'Z' && state != 'X') {
                return false;
            }
            try (var tasks = Files.list(proc.resolve("task"))) {
                return tasks.count() <= 1;
            }
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (not Linux) or the process just went away: ProcessHandle decides
        }
    }

    private static boolean awaitAllGone(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (processes.stream().noneMatch(p -> isAlive(p.pid()))) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            sleep(POLL);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
