package dev.stonks.inttest.tester;

import dev.stonks.inttest.tester.runner.SuiteCatalog;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the suite runner from the settings; an unknown suite name fails the start-up, not a run. */
public class TesterBeans {

    @Produces
    @Singleton
    SuiteRunner suiteRunner(Vertx vertx, TesterConfig config) {
        return new SuiteRunner(vertx, new SuiteRunner.Settings(SuiteCatalog.resolve(config.suites()),
                config.httpTimeout(), config.testTimeout()));
    }
}
