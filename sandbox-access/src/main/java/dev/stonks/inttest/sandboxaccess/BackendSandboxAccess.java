package dev.stonks.inttest.sandboxaccess;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The resolver stages use: the one of the backend the run's sandbox lives on ({@code context.backend()}). */
@Alternative
@Priority(1)
@ApplicationScoped
public class BackendSandboxAccess implements SandboxAccessResolver {
    private final LocalSandboxAccess local;
    private final KubernetesSandboxAccess kubernetes;

    public BackendSandboxAccess(LocalSandboxAccess local, KubernetesSandboxAccess kubernetes) {
        this.local = local;
        this.kubernetes = kubernetes;
    }

    @Override
    public SandboxAccess resolve(RunContext context) {
        return switch (context.backend()) {
            case RunContext.BACKEND_LOCAL -> local.resolve(context);
            case RunContext.BACKEND_KUBERNETES -> kubernetes.resolve(context);
            default -> throw new StageFailedException("backend_unsupported", "no access to '"
                    + context.backend() + "' sandboxes");
        };
    }
}
