package dev.stonks.inttest.tester;

import dev.stonks.inttest.support.PipelineConfig;
import dev.stonks.inttest.tester.runner.SuiteCatalog;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Builds the suite runner from the settings; an unknown suite name fails the start-up, not a run. */
public class TesterBeans {
    /** Under the inttest home (or the working directory), the default root of the per-run reports. */
    static final Path REPORTS = Path.of(".inttest", "reports");

    @Produces
    @Singleton
    SuiteRunner suiteRunner(Vertx vertx, TesterConfig config, PipelineConfig pipeline) {
        Path reports = config.reportsDir().orElseGet(() -> pipeline.home().filter(h -> !h.isBlank())
                .map(h -> Path.of(h).resolve(REPORTS)).orElse(REPORTS)).toAbsolutePath().normalize();
        return new SuiteRunner(vertx, new SuiteRunner.Settings(SuiteCatalog.resolve(config.suites()),
                config.httpTimeout(), config.testTimeout(), config.parallelism(), reports));
    }
}
