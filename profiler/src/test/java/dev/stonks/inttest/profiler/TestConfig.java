package dev.stonks.inttest.profiler;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** {@link ProfilerConfig} as the service would see it, from the given properties and the defaults. */
final class TestConfig {
    private TestConfig() {
    }

    static ProfilerConfig profilerConfig(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(ProfilerConfig.class)
                .build()
                .getConfigMapping(ProfilerConfig.class);
    }
}
