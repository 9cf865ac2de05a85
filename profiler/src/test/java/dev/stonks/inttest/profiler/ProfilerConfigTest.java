package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilerConfigTest {

    @Test
    void defaults() {
        ProfilerConfig config = config(Map.of());

        assertThat(config.slowThresholdMs()).isEqualTo(500.0);
        assertThat(config.warmupRequests()).isEqualTo(10);
        assertThat(config.samples()).isEqualTo(100);
        assertThat(config.maxSeconds()).isEqualTo(60);
        assertThat(config.requestTimeoutMs()).isEqualTo(5000);
        assertThat(config.sqlTop()).isEqualTo(10);
        assertThat(config.slowSqlMs()).isEqualTo(100.0);
        assertThat(config.nPlusOne().threshold()).isEqualTo(5.0);
    }

    @Test
    void theNPlusOneThresholdIsSetUnderItsOwnKey() {
        assertThat(config(Map.of("profiler.n-plus-one.threshold", "2.5")).nPlusOne().threshold()).isEqualTo(2.5);
    }

    @Test
    void settingsOfTheReadersComeFromTheConfig() {
        ProfilerConfig config = config(Map.of("profiler.warmup-requests", "1", "profiler.samples", "5",
                "profiler.max-seconds", "30", "profiler.request-timeout-ms", "2000", "profiler.sql-top", "3",
                "profiler.slow-sql-ms", "50"));

        assertThat(WarmEndpointSampler.Settings.of(config)).isEqualTo(new WarmEndpointSampler.Settings(1, 5,
                java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(2000)));
        assertThat(SlowSqlReader.Settings.of(config)).isEqualTo(new SlowSqlReader.Settings(3, 50.0));
    }

    private static ProfilerConfig config(Map<String, String> properties) {
        return TestConfig.profilerConfig(properties);
    }
}
