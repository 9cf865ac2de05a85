package dev.stonks.inttest.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** The pipeline's services, each a Quarkus app packaged by its module as {@code target/quarkus-app}. */
enum PipelineService {
    PROVISIONER, SEEDER, TESTER, PROFILER, REPORTER, GATEWAY, PROMOTER;

    /** The services of the run chain: what a one-shot stack starts. */
    static final Set<PipelineService> CHAIN = EnumSet.of(PROVISIONER, SEEDER, TESTER, PROFILER, REPORTER);
    /** Every service: what the resident stack starts (the chain, the gateway and the promoter). */
    static final Set<PipelineService> ALL = EnumSet.allOf(PipelineService.class);

    String id() {
        return name().toLowerCase();
    }

    Path jar(Path home) {
        return home.resolve(id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The class-data archive the build wrote beside the jar ({@code quarkus.package.jar.appcds.enabled}); start-up
     * maps the classes from it instead of loading and verifying them.
     */
    Path appCdsArchive(Path home) {
        return jar(home).resolveSibling("app-cds.jsa");
    }
}
