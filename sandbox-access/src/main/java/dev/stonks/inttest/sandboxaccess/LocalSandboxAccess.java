package dev.stonks.inttest.sandboxaccess;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.SandboxCredentials;
import dev.stonks.inttest.localstack.sandbox.SandboxException;
import dev.stonks.inttest.localstack.sandbox.SandboxRoot;
import jakarta.enterprise.context.ApplicationScoped;

/** The local backend keeps a sandbox's credentials in its 0600 {@code credentials.properties}. */
@ApplicationScoped
public class LocalSandboxAccess implements SandboxAccessResolver {

    @Override
    public SandboxAccess resolve(RunContext context) {
        if (!RunContext.BACKEND_LOCAL.equals(context.backend())) {
            throw new StageFailedException("backend_unsupported", "no access to '"
                    + context.backend() + "' sandboxes yet");
        }
        try {
            SandboxCredentials c = LocalSandbox.open(SandboxRoot.resolve(), context.namespace()).credentials();
            return new SandboxAccess(c.postgresJdbcUrl(), c.postgresUser(), c.postgresPassword(),
                    c.s3Endpoint().toString(), c.s3AccessKey(), c.s3SecretKey());
        } catch (SandboxException e) {
            throw new StageFailedException("sandbox_unavailable", "sandbox " + context.namespace() + ": "
                    + e.getMessage(), e);
        }
    }
}
