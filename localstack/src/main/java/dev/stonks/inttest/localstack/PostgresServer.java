package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 16 server (zonky's binaries, see {@link PostgresBinaries}) as a detached process on
 * 127.0.0.1: it outlives the JVM that started it and is stopped by pid or data directory, from any JVM.
 *
 * <p>PostgreSQL refuses to run as root. As root, every PostgreSQL command runs under {@code unshare -U}
 * (a user namespace in which the process is not root), as zonky's EmbeddedPostgres does.
 *
 * <p>Settings: listen on 127.0.0.1 only, no Unix socket, SCRAM-SHA-256 password authentication,
 * {@code shared_preload_libraries=pg_stat_statements} (extension created in template1, so in every new
 * database), encoding UTF8 with locale C. They live in {@code PGDATA/localstack.conf}, included by
 * postgresql.conf and rewritten at each start.
 */
public final class PostgresServer {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String SETTINGS_FILE = "localstack.conf";
    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static volatile Boolean unshareWorks;

    private PostgresServer() {
    }

    public static PostgresInstance start(PostgresConfig config) {
        return start(config, DEFAULT_START_TIMEOUT);
    }

    /**
     * Creates the cluster {@code <dir>/data} (unless it already holds one, which is then reused as it is:
     * same password and databases), sets the password, creates the database, starts the server and waits
     * until it accepts connections.
     *
     * <p>A new cluster is a copy of a template made once per superuser name by initdb and cached beside the
     * binaries (a copy takes ~0.1 s, initdb ~1 s); so all clusters share one system identifier.
     */
    public static PostgresInstance start(PostgresConfig config, Duration timeout) {
        long started = System.nanoTime();
        Path binaries = PostgresBinaries.install();
        Path dir = config.dir().toAbsolutePath();
        Path dataDir = dir.resolve("data");
        Path logFile = dir.resolve("postgres.log");
        int port = FreePorts.orPick(config.port());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        OptionalLong running = runningPid(dataDir);
        if (running.isPresent()) {
            throw new IllegalStateException("PostgreSQL pid " + running.getAsLong() + " already runs on " + dataDir);
        }
        removeStaleLock(dataDir);
        boolean fresh = !Files.isRegularFile(dataDir.resolve("PG_VERSION"));
        if (fresh) {
            copyTree(template(binaries, config.superuser(), timeout), dataDir);
        }
        boolean preload = Files.isRegularFile(binaries.resolve("lib/postgresql/pg_stat_statements.so"));
        writeSettings(dataDir, port, preload);
        if (fresh) {
            setPasswordAndCreateDatabase(binaries, dataDir, config, preload, logFile, timeout);
        }
        run(binaries, List.of("pg_ctl", "start", "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-s",
                "-t", Long.toString(Math.max(1, timeout.toSeconds()))), null, logFile, timeout, "pg_ctl start");
        long pid = runningPid(dataDir).orElseThrow(() -> new StartFailedException(
                "pg_ctl reported success but no postmaster runs on " + dataDir, logFile));
        LOG.log(System.Logger.Level.INFO, "PostgreSQL pid {0} ready on 127.0.0.1:{1} in {2} ms", pid, port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new PostgresInstance(pid, port, config.database(), config.superuser(), config.password(), dataDir,
                logFile, preload);
    }

    /**
     * Stops the server of a working directory (or of a PGDATA) given to {@link #start}: fast shutdown
     * (SIGINT), then SIGTERM/SIGKILL of the process tree if it is not gone within 10 s. Returns whether a
     * server was running.
     */
    public static boolean stop(Path dirOrDataDir) {
        OptionalLong pid = runningPid(dataDirOf(dirOrDataDir));
        return pid.isPresent() && stop(pid.getAsLong());
    }

    /** Stops the postmaster {@code pid} as {@link #stop(Path)} does. Returns whether it was running. */
    public static boolean stop(long pid) {
        if (!ProcessControl.isAlive(pid)) {
            return false;
        }
        ProcessControl.signal(pid, "INT");
        if (!ProcessControl.awaitExit(pid, STOP_GRACE)) {
            ProcessControl.stop(pid, Duration.ofSeconds(5));
        }
        return true;
    }

    /** The pid of the postmaster running on a working directory or PGDATA, if any. */
    public static OptionalLong runningPid(Path dirOrDataDir) {
        Path pidFile = dataDirOf(dirOrDataDir).resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessControl.isAlive(pid) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * A postmaster.pid left by a server that is gone (killed; or a zombie nobody reaps, as under a container's PID 1
     * that does not reap): PostgreSQL would refuse to start while the pid in it still exists, even as a zombie. The
     * caller checked that no live postmaster runs on the directory; PostgreSQL still refuses if its shared memory is
     * in use by surviving backends.
     */
    private static void removeStaleLock(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (Files.deleteIfExists(pidFile)) {
                LOG.log(System.Logger.Level.INFO, "removed the stale lock {0} (its server is gone)", pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the stale " + pidFile, e);
        }
    }

    static Path dataDirOf(Path dirOrDataDir) {
        Path abs = dirOrDataDir.toAbsolutePath();
        return Files.isRegularFile(abs.resolve("PG_VERSION")) ? abs : abs.resolve("data");
    }

    /** A cluster initialised for {@code superuser} (random password), cached; the template of new clusters. */
    private static Path template(Path binaries, String superuser, Duration timeout) {
        String name = binaries.getFileName() + "-cluster-" + shortHash(superuser);
        Path entry = BinaryCache.entry(name, dir -> {
            Path data = dir.resolve("data");
            Path log = dir.resolve("initdb.log");
            Path pwFile = Files.createFile(dir.resolve("pw"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwFile, java.util.UUID.randomUUID() + "\n");
            run(binaries, List.of("initdb", "-D", data.toString(), "-U", superuser, "--pwfile=" + pwFile,
                    "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"),
                    null, log, timeout, "initdb");
            Files.delete(pwFile);
            Files.writeString(data.resolve("postgresql.conf"),
                    "\n# added by inttest localstack\ninclude_if_exists '" + SETTINGS_FILE + "'\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        });
        return entry.resolve("data");
    }

    private static String shortHash(String text) {
        try {
            return BinaryCache.sha256Prefix(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree with its permissions (PGDATA must stay 0700). */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            BinaryCache.deleteRecursively(to);
            throw new UncheckedIOException("Cannot copy the cluster template " + from + " to " + to, e);
        }
    }

    private static void writeSettings(Path dataDir, int port, boolean preload) {
        List<String> lines = new ArrayList<>(List.of(
                "# written by inttest localstack at each start",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = ''",
                "max_connections = 100",
                "password_encryption = 'scram-sha-256'"));
        if (preload) {
            lines.add("shared_preload_libraries = 'pg_stat_statements'");
            lines.add("pg_stat_statements.track = all");
        }
        try {
            Files.write(dataDir.resolve(SETTINGS_FILE), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + SETTINGS_FILE + " in " + dataDir, e);
        }
    }

    /**
     * Single-user mode on template1: the superuser's password, the extension (created in template1, so
     * every new database has it), then the database.
     */
    private static void setPasswordAndCreateDatabase(Path binaries, Path dataDir, PostgresConfig config,
                                                     boolean preload, Path logFile, Duration timeout) {
        StringBuilder sql = new StringBuilder()
                .append("ALTER ROLE ").append(quoteIdentifier(config.superuser()))
                .append(" PASSWORD ").append(quoteLiteral(config.password())).append('\n');
        if (preload) {
            sql.append("CREATE EXTENSION IF NOT EXISTS pg_stat_statements\n");
        }
        sql.append("CREATE DATABASE ").append(quoteIdentifier(config.database()))
                .append(" OWNER ").append(quoteIdentifier(config.superuser())).append('\n');
        // Single-user mode reports SQL errors in its output but still exits with 0. Its output does not
        // echo the statements, so the password stays out of the log.
        String output = run(binaries, List.of("postgres", "--single", "-D", dataDir.toString(), "template1"),
                sql.toString(), logFile, timeout, "postgres --single (password, CREATE DATABASE)");
        if (output.contains("ERROR:")) {
            throw new StartFailedException("Cannot set the password or create database " + config.database(), logFile);
        }
    }

    /** A SQL string literal (standard_conforming_strings is on: only quotes are doubled). */
    static String quoteLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Runs bin/{@code command} to completion (under unshare -U when root); its output is appended to the
     * log and returned.
     */
    private static String run(Path binaries, List<String> command, String stdin, Path logFile, Duration timeout,
                            String what) {
        List<String> full = new ArrayList<>();
        if (ProcessControl.isRoot()) {
            requireUnshare();
            full.addAll(List.of("unshare", "-U"));
        }
        full.add(binaries.resolve("bin").resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("LC_ALL", "C");
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            long logSizeBefore = Files.exists(logFile) ? Files.size(logFile) : 0;
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StartFailedException(what + " did not finish within " + timeout, logFile);
            }
            if (process.exitValue() != 0) {
                throw new StartFailedException(what + " failed with code " + process.exitValue(), logFile);
            }
            return readFrom(logFile, logSizeBefore);
        } catch (IOException e) {
            throw new StartFailedException("Cannot run " + what + ": " + e, logFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + what, e);
        }
    }

    private static String readFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    private static void requireUnshare() {
        Boolean works = unshareWorks;
        if (works == null) {
            try {
                Process probe = new ProcessBuilder("unshare", "-U", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                works = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
            } catch (IOException e) {
                works = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                works = false;
            }
            unshareWorks = works;
        }
        if (!works) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and `unshare -U` (util-linux,"
                    + " user namespaces) does not work here: run as a non-root user");
        }
    }
}
