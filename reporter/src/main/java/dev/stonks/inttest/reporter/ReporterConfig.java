package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.Stage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "reporter")
public interface ReporterConfig {

    /** Per-stage deadlines: from the event that should trigger the stage (or its start) to its completion. */
    Deadlines deadlines();

    interface Deadlines {
        @WithDefault("PT3M")
        Duration infraDeploy();

        @WithDefault("PT10M")
        Duration seedData();

        @WithDefault("PT3M")
        Duration serviceDeploy();

        @WithDefault("PT10M")
        Duration integrationTests();

        @WithDefault("PT2M")
        Duration profiling();

        @WithDefault("PT2M")
        Duration teardown();

        default Duration of(Stage stage) {
            return switch (stage) {
                case INFRA_DEPLOY -> infraDeploy();
                case SEED_DATA -> seedData();
                case SERVICE_DEPLOY -> serviceDeploy();
                case INTEGRATION_TESTS -> integrationTests();
                case PROFILING -> profiling();
                case TEARDOWN -> teardown();
            };
        }
    }
}
