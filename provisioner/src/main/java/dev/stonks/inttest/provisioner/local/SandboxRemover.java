package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.SandboxTeardown;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Stops the processes of a sandbox of the pipeline and removes its directory ({@link SandboxTeardown}, shared with the
 * CLI's reaping of orphans). A recorded process is stopped only while it is still the very process recorded (pid and
 * start time), so a recycled pid is never signalled. The caller holds the sandbox's lock and has checked that it
 * belongs to the run.
 */
final class SandboxRemover {
    private static final Logger LOG = Logger.getLogger(SandboxRemover.class);

    private final SandboxTeardown teardown;

    SandboxRemover(Duration stopGrace, Executor executor) {
        this.teardown = new SandboxTeardown(stopGrace, executor);
    }

    /** Stops everything (services first, then the infrastructure, each group in parallel) and deletes the directory. */
    TeardownOutput remove(String runId, LocalSandbox sandbox) {
        SandboxTeardown.Result result = teardown.remove(sandbox);
        LOG.infof("run %s: sandbox %s removed (stopped: %s)", runId, sandbox.dir(), result.stopped());
        return new TeardownOutput(result.stopped(), List.of(sandbox.dir().toString()),
                result.notes().isEmpty() ? null : String.join("; ", result.notes()));
    }

    /** Stops the services only (before a redeploy); returns their names, and drops them from sandbox.json. */
    List<String> stopServices(String runId, LocalSandbox sandbox) {
        return teardown.stopServices(sandbox);
    }
}
