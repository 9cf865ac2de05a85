package dev.stonks.inttest.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every pipeline service has. */
@ConfigMapping(prefix = "inttest")
public interface PipelineConfig {
    /** The service's name: the CloudEvents source is {@code /inttest/<service>}. */
    String service();

    /** How many event ids each service remembers to drop redeliveries it has already handled. */
    @WithDefault("10000")
    int dedupCapacity();
}
