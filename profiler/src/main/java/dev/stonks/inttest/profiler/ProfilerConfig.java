package dev.stonks.inttest.profiler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "profiler")
public interface ProfilerConfig {
    /** An endpoint whose P99 exceeds this is slow (the seed's P99 target). */
    @WithDefault("500")
    double slowThresholdMs();
}
