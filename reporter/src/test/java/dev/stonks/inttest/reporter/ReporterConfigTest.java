package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget limits as the reporter reads them from its configuration. */
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

    private static ReporterConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ReporterConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(ReporterConfig.class);
    }
}
