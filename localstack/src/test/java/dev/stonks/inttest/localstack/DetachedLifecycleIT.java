package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers outlive the JVM that started them, and another JVM stops them knowing only recorded pids. */
class DetachedLifecycleIT {

    @TempDir
    Path tmp;

    @Test
    void serversOutliveTheirLauncherAndAreStoppedByRecordedPid() throws Exception {
        Path log = tmp.resolve("launcher.log");
        Process launcher = new ProcessBuilder(List.of(JavaCommand.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), LaunchAndExit.class.getName(), tmp.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        assertThat(launcher.exitValue()).as(ProcessControl.tail(log, 30)).isZero();

        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(tmp.resolve("recorded.properties"))) {
            recorded.load(in);
        }
        long launcherPid = Long.parseLong(recorded.getProperty("launcher.pid"));
        long redisPid = Long.parseLong(recorded.getProperty("redis.pid"));
        int redisPort = Integer.parseInt(recorded.getProperty("redis.port"));
        long pgPid = Long.parseLong(recorded.getProperty("postgres.pid"));
        int pgPort = Integer.parseInt(recorded.getProperty("postgres.port"));
        try {
            assertThat(ProcessControl.isAlive(launcherPid)).isFalse();
            assertThat(ProcessControl.isAlive(redisPid)).isTrue();
            assertThat(ProcessControl.isAlive(pgPid)).isTrue();
            try (RawRedis redis = new RawRedis(redisPort)) {
                assertThat(redis.send("PING")).isEqualTo("+PONG");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", pgPort), 2000);
            }
        } finally {
            assertThat(RedisServer.stop(redisPid)).isTrue();
            assertThat(PostgresServer.stop(pgPid)).isTrue();
        }
        assertThat(ProcessControl.isAlive(redisPid)).isFalse();
        assertThat(ProcessControl.isAlive(pgPid)).isFalse();
        assertThat(FreePorts.isFree(redisPort)).isTrue();
        assertThat(FreePorts.isFree(pgPort)).isTrue();
        assertThat(ProcessControl.awaitExit(pgPid, Duration.ofSeconds(1))).isTrue();
    }
}
