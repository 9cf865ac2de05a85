package dev.stonks.inttest.tester;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "tester")
public interface TesterConfig {
    /** Suite groups ({@code api}) or fully qualified suite class names, run in this order. */
    @WithDefault("api")
    List<String> suites();

    /** The longest one HTTP call of a test may take before the test errors. */
    @WithDefault("10s")
    Duration httpTimeout();

    /** The longest one test may take (JUnit's default timeout for every test). */
    @WithDefault("60s")
    Duration testTimeout();
}
