package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.reporter.regressions.RegressionSettings;
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

    /** What a run's figures are compared with, and when a figure is a regression. */
    Regressions regressions();

    interface Regressions {
        /** Worse than the baseline's median by more than this fraction (and by more than min-delta-ms). */
        @WithName("min-ratio")
        @WithDefault("0.20")
        double minRatio();

        /** Worse than the baseline's median by more than this many milliseconds (stage durations too). */
        @WithName("min-delta-ms")
        @WithDefault("5")
        double minDeltaMs();

        /** The newest this many earlier passing runs of the same target and seed fingerprint are the baseline. */
        @WithName("baseline-runs")
        @WithDefault("5")
        int baselineRuns();

        /** With fewer earlier runs than this, nothing is compared (the baseline says why). */
        @WithName("min-runs")
        @WithDefault("3")
        int minRuns();

        /**
         * And worse than the baseline's median by more than this many scaled median absolute deviations of the
         * baseline's figures (the run-to-run noise of this machine); 0 = off.
         */
        @WithName("noise-mads")
        @WithDefault("3")
        double noiseMads();

        default RegressionSettings settings() {
            return new RegressionSettings(minRatio(), minDeltaMs(), baselineRuns(), minRuns(), noiseMads());
        }
    }

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
