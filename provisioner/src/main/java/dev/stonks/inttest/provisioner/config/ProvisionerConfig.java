package dev.stonks.inttest.provisioner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The provisioner's settings; see README.md for the table with environment variables. */
@ConfigMapping(prefix = "provisioner")
public interface ProvisionerConfig {

    /** Backends this instance serves; a run asking for another one fails with {@code backend_unavailable}. */
    @WithDefault("local")
    List<String> backends();

    /** How long a sandbox lives before the reaper removes it, whatever became of its run. */
    @WithDefault("PT2H")
    Duration sandboxTtl();

    /** The same for a run that asked to keep its sandbox ({@code skip_teardown}). */
    @WithDefault("PT24H")
    Duration skipTeardownTtl();

    /** How long a stage waits for another operation on the same sandbox (e.g. teardown during infra_deploy). */
    @WithDefault("PT5M")
    Duration lockTimeout();

    Reaper reaper();

    Local local();

    interface Reaper {
        @WithDefault("true")
        boolean enabled();

        /** Period of the reaper (it also runs once at start-up); read by {@code @Scheduled}. */
        @WithDefault("5m")
        String interval();
    }

    interface Local {
        /** The inttest repository; default: {@code INTTEST_HOME}, else found from the working directory. */
        Optional<Path> home();

        /** Where sandboxes live; default {@code <home>/.sandboxes}. */
        Optional<Path> sandboxRoot();

        /** Where builds of other image tags live, as {@code <builds-dir>/<tag>/quarkus-app/}; default {@code <home>/.builds}. */
        Optional<Path> buildsDir();

        /** Start-up limit for each of PostgreSQL, Redis and the object store. */
        @WithDefault("PT2M")
        Duration infraTimeout();

        /** How long each service under test may take to answer 200 on its readiness endpoint. */
        @WithDefault("PT2M")
        Duration serviceReadyTimeout();

        /** Between SIGTERM and SIGKILL when stopping a service or the object store. */
        @WithDefault("PT10S")
        Duration stopGrace();

        /** JVM options of each service under test. */
        @WithDefault("-Xms32m,-Xmx256m,-XX:+UseSerialGC,-XX:+ExitOnOutOfMemoryError")
        List<String> serviceJvmOptions();

        /** PostgreSQL user of the sandbox (its password is generated per sandbox). */
        @WithDefault("stonks")
        String postgresUser();

        @WithDefault("stonks")
        String postgresDatabase();

        /** The bucket created in the sandbox's object store. */
        @WithDefault("stonks-documents")
        String bucket();

        /** Lines of a failed component's log quoted in the stage's error message. */
        @WithDefault("20")
        int logTailLines();
    }
}
