package dev.stonks.inttest.localstack.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * When to restart a process that exited, as a Deployment would: exponential backoff ({@code initialBackoff},
 * doubled per restart in a row, capped at {@code maxBackoff}), reset once a process stayed up for
 * {@code healthyUptime}; after {@code maxRestarts} restarts in a row without such an uptime between them (a crash
 * loop) it gives up. Pure logic, one instance per supervised process; thread-safe.
 */
public final class RestartPolicy {

    /** The knobs; {@link #DEFAULT}: 1 s, 2 s, 4 s ... capped at 30 s, reset after 60 s up, 5 restarts in a loop. */
    public record Settings(Duration initialBackoff, Duration maxBackoff, Duration healthyUptime, int maxRestarts) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 5);

        public Settings {
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(healthyUptime, "healthyUptime");
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRestarts < 0) {
                throw new IllegalArgumentException("bad restart policy " + initialBackoff + ", " + maxBackoff + ", "
                        + maxRestarts);
            }
        }
    }

    /** What to do about an exit. */
    public sealed interface Decision permits Restart, GiveUp {
    }

    /** Restart after {@code delay}; this is restart number {@code restart} of the process's life. */
    public record Restart(Duration delay, int restart) implements Decision {
    }

    /** A crash loop: do not restart again; {@code restarts} were made in all. */
    public record GiveUp(int restarts) implements Decision {
    }

    private final Settings settings;
    private int inARow;
    private int total;

    public RestartPolicy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The decision about an exit after the process was up for {@code uptime}. */
    public synchronized Decision onExit(Duration uptime) {
        if (uptime.compareTo(settings.healthyUptime()) >= 0) {
            inARow = 0;
        }
        if (inARow >= settings.maxRestarts()) {
            return new GiveUp(total);
        }
        Duration delay = backoff(inARow);
        inARow++;
        total++;
        return new Restart(delay, total);
    }

    /** Restarts made so far. */
    public synchronized int restarts() {
        return total;
    }

    private Duration backoff(int previousInARow) {
        Duration delay = settings.initialBackoff();
        for (int i = 0; i < previousInARow && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }
}
