package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.Stage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "reporter")
public interface ReporterConfig {

    /** Per-stage maximum durations: from the stage's start to its completion. */
    Deadlines deadlines();

    /**
     * A working stage that sends no sign of life (stage.started, stage.heartbeat) for this long, or a triggered stage
     * that does not start within it, is given up: its service is gone.
     */
    @WithDefault("PT30S")
    Duration heartbeatTimeout();

    /**
     * The reporter's own public base URL (env {@code REPORTER_PUBLIC_URL}), put before the artifacts' links in the
     * results; without it the links are paths ({@code /api/runs/<run>/artifacts/<name>}).
     */
    Optional<String> publicUrl();

    /** How long publishing a verdict waits for its artifacts to be stored before it goes on without them. */
    @WithDefault("PT20S")
    Duration artifactsTimeout();

    /** How far back the reporter rebuilds runs from the log when it (re)starts. */
    @WithDefault("PT24H")
    Duration recoveryHorizon();

    /**
     * The seed's performance targets ("Performance targets" table): they belong to the system under test, so they
     * are configuration. A figure at or above its limit is over budget; budgets are reported, not an exit code.
     */
    Budgets budgets();

    interface Budgets {
        /** seed_data's insertion time (its {@code seed_s}). */
        @WithName("seed-insertion-s")
        @WithDefault("30")
        double seedInsertionS();

        /** Each service's start-up (service_deploy's {@code ready_s}). */
        @WithName("service-startup-s")
        @WithDefault("30")
        double serviceStartupS();

        /** Every profiled endpoint's P95. */
        @WithName("api-p95-ms")
        @WithDefault("200")
        double apiP95Ms();

        /** Every profiled endpoint's P99. */
        @WithName("api-p99-ms")
        @WithDefault("500")
        double apiP99Ms();

        /** From the run's request to the end of teardown. */
        @WithName("total-pipeline-s")
        @WithDefault("600")
        double totalPipelineS();

        default BudgetLimits limits() {
            return new BudgetLimits(seedInsertionS(), serviceStartupS(), apiP95Ms(), apiP99Ms(), totalPipelineS());
        }
    }

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
