package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.Stage;
import java.time.Duration;
import java.util.function.Function;

/**
 * When the watchdog gives a stage up: no sign of life (stage.started or stage.heartbeat) for {@code heartbeatTimeout},
 * a triggered stage not started within {@code heartbeatTimeout}, or a stage running past its maximum duration.
 */
record WatchdogLimits(Duration heartbeatTimeout, Function<Stage, Duration> maxDuration) {

    /** The same limit for everything (tests). */
    static WatchdogLimits uniform(Duration limit) {
        return new WatchdogLimits(limit, stage -> limit);
    }
}
