package dev.stonks.inttest.cli;

import java.nio.file.Path;

/** The pipeline's services, each a Quarkus app packaged by its module as {@code target/quarkus-app}. */
enum PipelineService {
    PROVISIONER, SEEDER, TESTER, PROFILER, REPORTER;

    String id() {
        return name().toLowerCase();
    }

    Path jar(Path home) {
        return home.resolve(id()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
