package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterruptsTest {

    @Test
    void theFirstSignalAsksForOneCancelAndTheSecondStopsTheWaiting() {
        Interrupts interrupts = new Interrupts();
        assertThat(interrupts.interrupted()).isFalse();
        assertThat(interrupts.takeCancel()).isEmpty();

        interrupts.onSignal("INT");

        assertThat(interrupts.interrupted()).isTrue();
        assertThat(interrupts.takeCancel()).contains("INT");
        assertThat(interrupts.takeCancel()).as("one cancel only").isEmpty();
        assertThat(interrupts.stopWaiting()).isFalse();

        interrupts.onSignal("INT");

        assertThat(interrupts.stopWaiting()).isTrue();
        assertThat(interrupts.exitCode()).isEqualTo(130);
    }

    @Test
    void sigtermExits143WhateverFollows() {
        Interrupts interrupts = new Interrupts();
        interrupts.onSignal("TERM");
        interrupts.onSignal("INT");

        assertThat(interrupts.takeCancel()).contains("TERM");
        assertThat(interrupts.exitCode()).isEqualTo(143);
        assertThat(interrupts.stopWaiting()).isTrue();
    }

    @Test
    void installedHandlersCatchARealSignalAndAreRestoredOnClose() throws Exception {
        try (Interrupts interrupts = Interrupts.install()) {
            sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!interrupts.interrupted() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(interrupts.takeCancel()).contains("TERM");
        }
    }
}
