package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.reporter.regressions.RegressionSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget limits and regression thresholds as the reporter reads them from its configuration. */
class ReporterConfigTest {

    @Test
    void withoutConfigurationTheLimitsAreTheSeedsTable() {
        assertThat(config(Map.of()).budgets().limits()).isEqualTo(BudgetLimits.SEED);
    }

    @Test
    void everyLimitCanBeConfigured() {
        ReporterConfig config = config(Map.of("reporter.budgets.seed-insertion-s", "45",
                "reporter.budgets.service-startup-s", "20", "reporter.budgets.api-p95-ms", "150",
                "reporter.budgets.api-p99-ms", "450.5", "reporter.budgets.total-pipeline-s", "900"));

        assertThat(config.budgets().limits()).isEqualTo(new BudgetLimits(45, 20, 150, 450.5, 900));
    }

    @Test
    void withoutConfigurationRegressionsAreTheContractsThresholds() {
        assertThat(config(Map.of()).regressions().settings()).isEqualTo(new RegressionSettings(0.20, 5, 5, 3, 3))
                .isEqualTo(RegressionSettings.DEFAULT);
    }

    @Test
    void theRegressionThresholdsCanBeConfigured() {
        ReporterConfig config = config(Map.of("reporter.regressions.min-ratio", "0.5",
                "reporter.regressions.min-delta-ms", "20", "reporter.regressions.baseline-runs", "9",
                "reporter.regressions.min-runs", "4", "reporter.regressions.noise-mads", "0"));

        assertThat(config.regressions().settings()).isEqualTo(new RegressionSettings(0.5, 20, 9, 4));
    }

    @Test
    void aBaselineSmallerThanItsMinimumIsRefused() {
        ReporterConfig config = config(Map.of("reporter.regressions.baseline-runs", "2"));

        assertThatThrownBy(() -> config.regressions().settings()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline-runs");
    }

    private static ReporterConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ReporterConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(ReporterConfig.class);
    }
}
