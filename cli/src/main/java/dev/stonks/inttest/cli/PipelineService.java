package dev.stonks.inttest.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The pipeline's services, each a Quarkus app packaged by its module as {@code target/quarkus-app}. */
enum PipelineService {
    PROVISIONER, SEEDER, TESTER, PROFILER, REPORTER, GATEWAY, PROMOTER;

    private static final List<String> CONTROL_PLANE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

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
     * The JVM options of its role. Every one of them is a control-plane process that lives for a stack's life and
     * spends its time waiting on Kafka, HTTP and child processes: C1 alone compiles enough, at a fraction of C2's
     * CPU while two cores start the stack and the system under test; serial GC and a small heap.
     */
    List<String> jvmOptions() {
        return CONTROL_PLANE_JVM_OPTIONS;
    }
}
