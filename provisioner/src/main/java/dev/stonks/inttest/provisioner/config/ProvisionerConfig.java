package dev.stonks.inttest.provisioner.config;

import dev.stonks.inttest.provisioner.local.LocalSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    Kubernetes kubernetes();

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

        /** JVM options of each service under test ({@link LocalSettings#SERVICE_JVM_OPTIONS}). */
        @WithDefault(LocalSettings.SERVICE_JVM_OPTIONS)
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

    interface Kubernetes {
        /** The sandbox manifests (namespace.yaml, postgres.yaml, ...); default {@code <home>/infra/inttest}. */
        Optional<Path> manifestsDir();

        /** The SQL migrations put in the ConfigMap postgres-migrations; default {@code <home>/infra/migrations}. */
        Optional<Path> migrationsDir();

        /** Repository of the image under test: containers of this repository get the run's image tag. */
        @WithDefault("ghcr.io/stonks/stonks")
        String imageRepository();

        /** Cluster DNS domain of the service endpoints ({@code <service>.<namespace>.svc.<domain>}). */
        @WithDefault("cluster.local")
        String clusterDomain();

        /**
         * Readiness limit per component (postgres, redis, minio, minio-bucket-init, or a service under test), e.g.
         * {@code provisioner.kubernetes.ready-timeout.postgres=PT3M}; components not named get the defaults below.
         */
        Map<String, Duration> readyTimeout();

        /** Readiness limit of each infrastructure component not named in ready-timeout. */
        @WithDefault("PT2M")
        Duration infraReadyTimeout();

        /** Readiness limit of each service under test not named in ready-timeout. */
        @WithDefault("PT150S")
        Duration serviceReadyTimeout();

        /** How often pods are looked at while waiting. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** A container in CrashLoopBackOff with at least this many restarts fails the stage at once. */
        @WithDefault("2")
        int crashLoopRestarts();

        /** Lines of a failed container's log quoted in the stage's error message. */
        @WithDefault("20")
        int logTailLines();

        /** How long teardown waits for the namespace to be gone (it goes on in the background after that). */
        @WithDefault("PT30S")
        Duration deleteWait();

        @WithDefault("stonks")
        String postgresUser();

        @WithDefault("stonks")
        String postgresDatabase();

        @WithDefault("stonks-documents")
        String bucket();
    }
}
