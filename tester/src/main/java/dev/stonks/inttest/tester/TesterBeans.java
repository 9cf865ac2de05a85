package dev.stonks.inttest.tester;

import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.support.PipelineConfig;
import dev.stonks.inttest.tester.report.ArtifactJUnitXmlStore;
import dev.stonks.inttest.tester.runner.SuiteCatalog;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the suite runner from the settings; an unknown suite name fails the start-up, not a run. Each run's JUnit
 * XML goes to the artifact store ({@code junit.xml}), and to a local reports directory when there is one.
 */
public class TesterBeans {

    @Produces
    @Singleton
    SuiteRunner suiteRunner(Vertx vertx, TesterConfig config, PipelineConfig pipeline, ArtifactStore artifacts) {
        return new SuiteRunner(vertx, new SuiteRunner.Settings(SuiteCatalog.resolve(config.suites()),
                config.httpTimeout(), config.testTimeout(), config.parallelism(),
                ReportsDirectory.choose(config.reportsDir(), pipeline.home()).orElse(null)),
                new ArtifactJUnitXmlStore(artifacts));
    }
}
