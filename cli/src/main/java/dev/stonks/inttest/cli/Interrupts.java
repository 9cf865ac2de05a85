package dev.stonks.inttest.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM while a run is watched: the first one asks for a cancel (the run is cancelled, torn down, and
 * the CLI waits for its verdict), a second one stops the waiting. {@code sun.misc.Signal}, because a shutdown hook
 * cannot tell the signals apart (and would end the JVM at once). Closing restores the previous handlers.
 */
final class Interrupts implements AutoCloseable {
    static final List<String> SIGNALS = List.of("INT", "TERM");

    private final AtomicReference<String> first = new AtomicReference<>();
    private final AtomicBoolean cancelTaken = new AtomicBoolean();
    private final AtomicBoolean stopWaiting = new AtomicBoolean();
    private final List<Runnable> restore = new ArrayList<>();

    /** Handles SIGINT and SIGTERM from now until {@link #close()}. */
    static Interrupts install() {
        Interrupts interrupts = new Interrupts();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, s -> interrupts.onSignal(s.getName()));
                interrupts.restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException e) {
                // the signal is reserved here (e.g. -Xrs): it keeps its default
            }
        }
        return interrupts;
    }

    /** A signal arrived ({@code INT}, {@code TERM}). */
    void onSignal(String name) {
        if (!first.compareAndSet(null, name)) {
            stopWaiting.set(true);
        }
    }

    /** The first signal, once: the caller then requests the cancel. */
    Optional<String> takeCancel() {
        String signal = first.get();
        return signal != null && cancelTaken.compareAndSet(false, true) ? Optional.of(signal) : Optional.empty();
    }

    /** Whether a signal arrived. */
    boolean interrupted() {
        return first.get() != null;
    }

    /** Whether a second signal asked to stop waiting for the cancelled run's verdict. */
    boolean stopWaiting() {
        return stopWaiting.get();
    }

    /** 130 after SIGINT, 143 after SIGTERM (128 + the signal's number). */
    int exitCode() {
        return exitCode(first.get());
    }

    static int exitCode(String signal) {
        return "TERM".equals(signal) ? 143 : 130;
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
        restore.clear();
    }
}
