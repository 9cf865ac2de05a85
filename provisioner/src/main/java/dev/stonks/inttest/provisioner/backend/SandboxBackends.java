package dev.stonks.inttest.provisioner.backend;

import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.provisioner.config.ProvisionerConfig;
import dev.stonks.inttest.provisioner.kubernetes.KubernetesBackend;
import dev.stonks.inttest.provisioner.local.LocalBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * The backends this provisioner serves ({@code provisioner.backends}), by the name a run asks for
 * ({@code RunContext.backend()}). A backend is made on first use, so a provisioner that serves only {@code local}
 * never opens a Kubernetes client.
 */
@ApplicationScoped
public class SandboxBackends {
    private static final List<String> KNOWN = List.of(LocalBackend.NAME, KubernetesBackend.NAME);

    private final ProvisionerConfig config;
    private final Instance<LocalBackend> local;
    private final Instance<KubernetesBackend> kubernetes;

    public SandboxBackends(ProvisionerConfig config, Instance<LocalBackend> local,
            Instance<KubernetesBackend> kubernetes) {
        this.config = config;
        this.local = local;
        this.kubernetes = kubernetes;
    }

    /** The backend {@code name}; fails with {@code backend_unavailable} when this provisioner does not serve it. */
    public SandboxBackend require(String name) {
        if (config.backends().contains(name)) {
            if (LocalBackend.NAME.equals(name)) {
                return local.get();
            }
            if (KubernetesBackend.NAME.equals(name)) {
                return kubernetes.get();
            }
        }
        throw new StageFailedException(FailureKinds.BACKEND_UNAVAILABLE, "backend '" + name
                + "' is not served by this provisioner (provisioner.backends=" + config.backends() + ")");
    }

    /** Every backend served here. */
    public List<SandboxBackend> enabled() {
        return config.backends().stream().filter(KNOWN::contains).map(this::require).toList();
    }
}
