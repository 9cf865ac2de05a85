package dev.stonks.inttest.support.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An owner is alive only while that very process runs: not after it exited, not under a pid handed out again. */
class OwnerProcessTest {

    @Test
    void anOwnerIsAliveUntilItExitsAndAnotherStartTimeIsAnotherProcess() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            long ticks = OwnerProcess.startTicks(sleep.pid()).orElseThrow();
            OwnerProcess owner = new OwnerProcess(sleep.pid(), ticks);

            assertThat(owner.isAlive()).isTrue();
            assertThat(new OwnerProcess(sleep.pid(), ticks - 1).isAlive()).as("a recycled pid").isFalse();

            sleep.destroyForcibly();
            sleep.waitFor(10, TimeUnit.SECONDS);
            assertThat(owner.isAlive()).as("after it exited").isFalse();
            assertThat(OwnerProcess.startTicks(sleep.pid())).isEmpty();
        } finally {
            sleep.destroyForcibly();
        }
    }
}
