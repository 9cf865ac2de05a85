package dev.stonks.inttest.provisioner.backend;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.TeardownOutput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sandboxes are made: {@code local} (processes on this machine) or, later, {@code kubernetes} (a namespace).
 * Every method is idempotent for a run (a redelivered event does nothing harmful) and names what fails with a
 * {@link StageFailedException} whose kind ends up in {@code stage.completed}'s error. A backend only ever removes
 * sandboxes it can prove the pipeline created for that very run.
 */
public interface SandboxBackend {

    /** The name runs ask for in {@code RunContext.backend()}. */
    String name();

    /**
     * infra_deploy: the sandbox and its PostgreSQL, Redis and object store, ready. A sandbox of the same run that is
     * already healthy is reported again. Fails with {@code namespace_in_use} when the namespace is taken by anything
     * else.
     */
    InfraDeployment deployInfra(String runId, int attempt, RunContext context);

    /** service_deploy: the services under test at {@code context.imageTag()}, ready. */
    ServicesDeployment deployServices(String runId, int attempt, RunContext context);

    /**
     * teardown: stops everything of the run's sandbox and removes it. A sandbox already gone is fine; one the
     * pipeline did not create, or created for another run, is left untouched and fails with {@code not_owned}.
     */
    TeardownOutput teardown(String runId, RunContext context);

    /** The context of the run's sandbox, if this backend holds one (to tear it down on run.cancel-requested). */
    Optional<RunContext> findRun(String runId);

    /** Removes the sandboxes of the pipeline whose expiry has passed; returns their namespaces. */
    List<String> reapExpired(Instant now);
}
