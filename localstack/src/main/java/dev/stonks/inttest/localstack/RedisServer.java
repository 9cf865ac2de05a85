package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (see {@link RedisBinary}) as a detached process on 127.0.0.1, without persistence
 * (no RDB snapshots, no AOF): it outlives the JVM that started it and is stopped by pid, from any JVM.
 * The password, if any, is in {@code redis.conf} (mode 600), not on the command line.
 */
public final class RedisServer {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(RedisServer.class.getName());

    private RedisServer() {
    }

    public static RedisInstance start(RedisConfig config) {
        return start(config, DEFAULT_START_TIMEOUT);
    }

    /** Writes {@code <dir>/redis.conf}, starts redis-server and waits until it answers PING. */
    public static RedisInstance start(RedisConfig config, Duration timeout) {
        long started = System.nanoTime();
        Path binary = RedisBinary.install();
        Path dir = config.dir().toAbsolutePath();
        Path logFile = dir.resolve("redis.log");
        Path confFile = dir.resolve("redis.conf");
        int port = FreePorts.orPick(config.port());
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(confFile);
            Files.createFile(confFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(confFile, redisConf(dir, port, config.password()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + confFile, e);
        }
        Process process = ProcessControl.start(List.of(binary.toString(), confFile.toString()), logFile, Map.of(), dir);
        try {
            awaitPong(process, port, config.password(), timeout, logFile);
        } catch (RuntimeException e) {
            ProcessControl.stop(process.pid(), STOP_GRACE);
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Redis pid {0} ready on 127.0.0.1:{1} in {2} ms", process.pid(), port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new RedisInstance(process.pid(), port, config.password(), dir, logFile);
    }

    /** SIGTERM (SIGKILL after 5 s). Returns whether it was running. */
    public static boolean stop(long pid) {
        return ProcessControl.stop(pid, STOP_GRACE);
    }

    static String redisConf(Path dir, int port, String password) {
        StringBuilder conf = new StringBuilder()
                .append("# written by inttest localstack\n")
                .append("bind 127.0.0.1\n")
                .append("port ").append(port).append('\n')
                .append("protected-mode yes\n")
                .append("daemonize no\n")
                .append("dir ").append(quote(dir.toString())).append('\n')
                .append("logfile \"\"\n")
                .append("save \"\"\n")
                .append("appendonly no\n");
        if (password != null) {
            conf.append("requirepass ").append(quote(password)).append('\n');
        }
        return conf.toString();
    }

    /** A redis.conf string argument: double quotes, with backslash escapes. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void awaitPong(Process process, int port, String password, Duration timeout, Path logFile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                throw new StartFailedException("redis-server exited with code " + process.exitValue()
                        + " before answering PING on port " + port, logFile);
            }
            try (RespClient client = new RespClient(port, Duration.ofSeconds(1))) {
                if (password != null) {
                    String auth = client.command("AUTH", password);
                    if (!"+OK".equals(auth)) {
                        throw new StartFailedException("redis-server refused AUTH: " + auth, logFile);
                    }
                }
                last = client.command("PING");
                if ("+PONG".equals(last)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new StartFailedException("redis-server did not answer PING on port " + port + " within "
                        + timeout + " (last: " + last + ")", logFile);
            }
            ProcessControl.sleep(Duration.ofMillis(20));
        }
    }
}
