package dev.stonks.inttest.tester;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "tester")
public interface TesterConfig {
    /** Suite groups ({@code api}, {@code frontend}) or fully qualified suite class names, run in this order. */
    @WithDefault("api")
    List<String> suites();

    /** The longest one HTTP call of a test may take before the test errors. */
    @WithDefault("10s")
    Duration httpTimeout();

    /** The longest one test may take (JUnit's default timeout for every test). */
    @WithDefault("60s")
    Duration testTimeout();

    /** How many read-only tests run at once; the mutating ones always run one at a time, after them. */
    @WithDefault("4")
    int parallelism();

    /**
     * Where each run's JUnit XML files also go on disk ({@code <dir>/<run id>/}); default
     * {@code <inttest home>/.inttest/reports} when the home is known, else none (the artifact store keeps
     * {@code junit.xml} either way).
     */
    Optional<Path> reportsDir();
}
