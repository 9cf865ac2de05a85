package dev.stonks.inttest.provisioner.backend;

import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.provisioner.config.ProvisionerConfig;
import dev.stonks.inttest.provisioner.local.LocalBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/** The backends this provisioner serves ({@code provisioner.backends}), by the name a run asks for. */
@ApplicationScoped
public class SandboxBackends {
    private final ProvisionerConfig config;
    private final Instance<LocalBackend> local;

    public SandboxBackends(ProvisionerConfig config, Instance<LocalBackend> local) {
        this.config = config;
        this.local = local;
    }

    /** The backend {@code name}; fails with {@code backend_unavailable} when this provisioner does not serve it. */
    public SandboxBackend require(String name) {
        if (config.backends().contains(name) && LocalBackend.NAME.equals(name)) {
            return local.get();
        }
        throw new StageFailedException(FailureKinds.BACKEND_UNAVAILABLE, "backend '" + name
                + "' is not served by this provisioner (provisioner.backends=" + config.backends() + ")");
    }

    /** Every backend served here. */
    public List<SandboxBackend> enabled() {
        return config.backends().stream().filter(LocalBackend.NAME::equals).map(this::require).toList();
    }
}
