package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.provisioner.config.ProvisionerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The kubernetes backend's settings, resolved; plain, so tests build it directly. */
public record KubernetesSettings(Path manifestsDir, Path migrationsDir, String imageRepository, String clusterDomain,
        Map<String, Duration> readyTimeouts, Duration infraReadyTimeout, Duration serviceReadyTimeout,
        Duration pollInterval, int crashLoopRestarts, int logTailLines, Duration deleteWait, Duration sandboxTtl,
        Duration skipTeardownTtl, Duration lockTimeout, String postgresUser, String postgresDatabase, String bucket) {

    public KubernetesSettings {
        manifestsDir = manifestsDir.toAbsolutePath().normalize();
        migrationsDir = migrationsDir.toAbsolutePath().normalize();
        Objects.requireNonNull(imageRepository, "imageRepository");
        if (imageRepository.contains("@") || imageRepository.substring(imageRepository.lastIndexOf('/') + 1)
                .contains(":")) {
            throw new IllegalArgumentException("image repository '" + imageRepository
                    + "' must not carry a tag or digest: the run's image tag is set on it");
        }
        readyTimeouts = Map.copyOf(readyTimeouts);
    }

    public static KubernetesSettings from(ProvisionerConfig config) {
        ProvisionerConfig.Kubernetes k = config.kubernetes();
        Path home = k.manifestsDir().isPresent() && k.migrationsDir().isPresent() ? null
                : config.local().home().orElseGet(InttestHome::resolve);
        return new KubernetesSettings(k.manifestsDir().orElseGet(() -> home.resolve("infra/inttest")),
                k.migrationsDir().orElseGet(() -> home.resolve("infra/migrations")), k.imageRepository(),
                k.clusterDomain(), k.readyTimeout(), k.infraReadyTimeout(), k.serviceReadyTimeout(), k.pollInterval(),
                k.crashLoopRestarts(), k.logTailLines(), k.deleteWait(), config.sandboxTtl(),
                config.skipTeardownTtl(), config.lockTimeout(), k.postgresUser(), k.postgresDatabase(), k.bucket());
    }

    /** The defaults of {@link ProvisionerConfig} for the manifests and migrations of a repository. */
    public static KubernetesSettings defaults(Path home) {
        return new KubernetesSettings(home.resolve("infra/inttest"), home.resolve("infra/migrations"),
                "ghcr.io/stonks/stonks", "cluster.local", Map.of(), Duration.ofMinutes(2), Duration.ofSeconds(150),
                Duration.ofSeconds(1), 2, 20, Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofHours(24),
                Duration.ofMinutes(5), "stonks", "stonks", "stonks-documents");
    }

    /** The readiness limit of a component: its own, else the default of its kind. */
    public Duration readyTimeout(String component, boolean service) {
        return readyTimeouts.getOrDefault(component, service ? serviceReadyTimeout : infraReadyTimeout);
    }

    /** {@code <service>.<namespace>.svc.<cluster domain>}. */
    public String dnsName(String service, String namespace) {
        return service + "." + namespace + ".svc." + clusterDomain;
    }

    public KubernetesSettings withTimings(Map<String, Duration> readyTimeouts, Duration infra, Duration service,
            Duration poll) {
        return new KubernetesSettings(manifestsDir, migrationsDir, imageRepository, clusterDomain, readyTimeouts,
                infra, service, poll, crashLoopRestarts, logTailLines, deleteWait, sandboxTtl, skipTeardownTtl,
                lockTimeout, postgresUser, postgresDatabase, bucket);
    }

    public KubernetesSettings withTtl(Duration ttl, Duration skipTeardown) {
        return new KubernetesSettings(manifestsDir, migrationsDir, imageRepository, clusterDomain, readyTimeouts,
                infraReadyTimeout, serviceReadyTimeout, pollInterval, crashLoopRestarts, logTailLines, deleteWait,
                ttl, skipTeardown, lockTimeout, postgresUser, postgresDatabase, bucket);
    }
}
