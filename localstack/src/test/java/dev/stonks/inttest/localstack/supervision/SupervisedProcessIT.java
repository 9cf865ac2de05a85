package dev.stonks.inttest.localstack.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stonks.inttest.localstack.ProcessControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes ({@code sleep}, {@code bash}) killed or crashing under supervision. */
class SupervisedProcessIT {
    private static final RestartPolicy.Settings FAST = new RestartPolicy.Settings(Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofSeconds(60), 5);

    @TempDir
    Path tmp;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<Process> started = new CopyOnWriteArrayList<>();
    private final List<SupervisedProcess> supervised = new ArrayList<>();

    @AfterEach
    void stopAll() {
        supervised.forEach(SupervisedProcess::close);
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledProcessIsRestartedWithBackoffOfOneThenTwoSeconds() {
        Path log = tmp.resolve("sleeper.log");
        SupervisedProcess sleeper = supervise("sleeper", List.of("sleep", "300"), log, RestartPolicy.Settings.DEFAULT,
                true);
        long first = sleeper.pid();

        long killedAt = System.nanoTime();
        sleeper.kill();
        await().atMost(Duration.ofSeconds(5)).until(() -> sleeper.restarts() == 1 && sleeper.pid() != first
                && sleeper.process().isAlive());
        long firstRestartMs = (System.nanoTime() - killedAt) / 1_000_000;
        long second = sleeper.pid();

        killedAt = System.nanoTime();
        sleeper.kill();
        await().atMost(Duration.ofSeconds(6)).until(() -> sleeper.restarts() == 2 && sleeper.pid() != second
                && sleeper.process().isAlive());
        long secondRestartMs = (System.nanoTime() - killedAt) / 1_000_000;

        assertThat(firstRestartMs).isBetween(900L, 3000L);
        assertThat(secondRestartMs).isBetween(1900L, 4000L);
        assertThat(ProcessControl.isAlive(first)).isFalse();
        assertThat(ProcessControl.isAlive(second)).isFalse();
        assertThat(reports).containsExactly(
                "sleeper exited (code 137); restarting in 1 s (restart 1)",
                "sleeper exited (code 137); restarting in 2 s (restart 2)");
        assertThat(sleeper.isDead()).isFalse();
    }

    @Test
    void aCrashLoopIsGivenUpAfterFiveRestartsAndReportedWithTheLogTail() {
        Path log = tmp.resolve("crasher.log");
        AtomicInteger launches = new AtomicInteger();
        SupervisedProcess crasher = new SupervisedProcess("crasher", () -> {
            launches.incrementAndGet();
            return track(ProcessControl.start(List.of("bash", "-c", "echo \"boom from $$\"; exit 3"), log));
        }, FAST, true, log, reports::add, p -> { });
        supervised.add(crasher);
        crasher.start();

        await().atMost(Duration.ofSeconds(10)).until(crasher::isDead);

        assertThat(launches).hasValue(6);
        assertThat(crasher.restarts()).isEqualTo(5);
        assertThat(reports).hasSize(6);
        assertThat(reports.subList(0, 5)).allSatisfy(line -> assertThat(line)
                .matches("crasher exited \\(code 3\\); restarting in 0\\.[124] s \\(restart [1-5]\\)"));
        String dead = reports.get(5);
        assertThat(dead).startsWith("crasher is dead after 5 restarts; last log lines:");
        assertThat(dead.lines().skip(1).toList()).hasSize(6).allSatisfy(line -> assertThat(line)
                .startsWith("boom from "));
    }

    @Test
    void withSupervisionOffAnExitIsReportedAndNotRestarted() {
        Path log = tmp.resolve("once.log");
        SupervisedProcess once = supervise("once", List.of("sleep", "300"), log, FAST, false);
        long pid = once.pid();

        once.kill();
        await().atMost(Duration.ofSeconds(5)).until(once::isDead);

        assertThat(reports).containsExactly("once exited (code 137); supervision is off, not restarting");
        assertThat(once.restarts()).isZero();
        assertThat(once.pid()).isEqualTo(pid);
    }

    @Test
    void closingCancelsAPendingRestart() throws Exception {
        Path log = tmp.resolve("closing.log");
        SupervisedProcess closing = supervise("closing", List.of("sleep", "300"), log,
                RestartPolicy.Settings.DEFAULT, true);
        long pid = closing.pid();

        closing.kill();
        await().atMost(Duration.ofSeconds(2)).until(() -> !reports.isEmpty());
        closing.close();
        Thread.sleep(1500);

        assertThat(closing.pid()).isEqualTo(pid);
        assertThat(started).hasSize(1);
    }

    private SupervisedProcess supervise(String name, List<String> command, Path log, RestartPolicy.Settings settings,
            boolean restart) {
        SupervisedProcess process = new SupervisedProcess(name, () -> track(ProcessControl.start(command, log)),
                settings, restart, log, reports::add, p -> { });
        supervised.add(process);
        return process.start();
    }

    private Process track(Process process) {
        started.add(process);
        return process;
    }
}
