package dev.stonks.inttest.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings every pipeline service has. */
@ConfigMapping(prefix = "inttest")
public interface PipelineConfig {
    /** The service's name: the CloudEvents source is {@code /inttest/<service>}. */
    String service();

    /**
     * The repository root ({@code inttest.home}, env {@code INTTEST_HOME}); the launchers read it through
     * {@code InttestHome}. Declared here so that the property is a known one of this mapping.
     */
    Optional<String> home();

    /** How many event ids each service remembers to drop redeliveries it has already handled. */
    @WithDefault("10000")
    int dedupCapacity();

    /** How often a working stage publishes stage.heartbeat. */
    @WithDefault("PT3S")
    Duration heartbeatInterval();

    /** How far back a stage service reads inttest.runs and inttest.stages at start (cancels, completed stages). */
    @WithDefault("PT6H")
    Duration runLogLookback();

    /** The process that owns this service's local stack (none in Kubernetes or tests). */
    Owner owner();

    interface Owner {
        /** {@code INTTEST_OWNER_PID}. */
        Optional<Long> pid();

        /** {@code INTTEST_OWNER_START_TICKS}: field 22 of the owner's {@code /proc/<pid>/stat}. */
        Optional<Long> startTicks();

        /** How often the owner is looked for. */
        @WithDefault("PT1S")
        Duration poll();

        /** The longest a service lingers after its owner died (finishing its runs' cancel and teardown). */
        @WithDefault("PT55S")
        Duration exitWithin();
    }
}
