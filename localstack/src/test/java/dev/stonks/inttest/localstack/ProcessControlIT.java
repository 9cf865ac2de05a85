package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessControlIT {

    @TempDir
    Path tmp;
    private Process started;

    @AfterEach
    void cleanUp() {
        if (started != null) {
            ProcessControl.stop(started.pid(), Duration.ofSeconds(1));
        }
    }

    @Test
    void startsADetachedProcessWithOutputInTheLogAndStopsItByPid() throws Exception {
        Path log = tmp.resolve("logs/sleeper.log");
        started = ProcessControl.start(List.of("sh", "-c", "echo hello from $GREETING; exec sleep 60"), log,
                Map.of("GREETING", "the child"), tmp);
        long pid = started.pid();
        awaitLogContains(log, "hello from the child");
        assertThat(ProcessControl.isAlive(pid)).isTrue();
        assertThat(sessionId(pid)).as("own session (setsid)").isEqualTo(pid).isNotEqualTo(sessionId(ProcessHandle.current().pid()));

        assertThat(ProcessControl.stop(pid, Duration.ofSeconds(5))).isTrue();
        assertThat(ProcessControl.isAlive(pid)).isFalse();
        assertThat(ProcessControl.stop(pid, Duration.ofSeconds(1))).as("second stop").isFalse();
        assertThat(ProcessControl.tail(log, 1)).isEqualTo("hello from the child");
    }

    @Test
    void stopsDescendantsToo() throws Exception {
        Path log = tmp.resolve("tree.log");
        started = ProcessControl.start(List.of("sh", "-c", "sleep 60 & echo child $!; wait"), log);
        awaitLogContains(log, "child ");
        long child = Long.parseLong(ProcessControl.tail(log, 1).replace("child ", "").trim());
        assertThat(ProcessControl.isAlive(child)).isTrue();

        ProcessControl.stop(started.pid(), Duration.ofSeconds(5));
        assertThat(ProcessControl.isAlive(started.pid())).isFalse();
        assertThat(ProcessControl.isAlive(child)).isFalse();
    }

    @Test
    void killsWhatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        Path log = tmp.resolve("stubborn.log");
        started = ProcessControl.start(List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"), log);
        awaitLogContains(log, "ready");
        long begin = System.nanoTime();
        assertThat(ProcessControl.stop(started.pid(), Duration.ofMillis(500))).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        assertThat(ProcessControl.isAlive(started.pid())).isFalse();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void unknownPidsAreNotAlive() {
        assertThat(ProcessControl.isAlive(Integer.MAX_VALUE - 1)).isFalse();
        assertThat(ProcessControl.stop(Integer.MAX_VALUE - 1, Duration.ofMillis(10))).isFalse();
    }

    private static long sessionId(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]); // state ppid pgrp session
    }

    static void awaitLogContains(Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' not in " + log + ": " + ProcessControl.tail(log, 10));
            }
            Thread.sleep(20);
        }
    }
}
