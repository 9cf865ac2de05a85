package dev.stonks.inttest.provisioner.stage;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import dev.stonks.inttest.provisioner.backend.SandboxBackend;
import dev.stonks.inttest.provisioner.backend.SandboxBackends;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.support.stage.StageRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The provisioner's three stages, each run through the {@link StageRunner} (stage.started, heartbeats, the work,
 * stage.completed; not again when already completed; refused when the run is cancelled, except teardown) on the
 * backend the run asks for.
 */
@ApplicationScoped
public class SandboxStages {
    private static final Logger LOG = Logger.getLogger(SandboxStages.class);

    private final StageRunner runner;
    private final SandboxBackends backends;

    public SandboxStages(StageRunner runner, SandboxBackends backends) {
        this.runner = runner;
        this.backends = backends;
    }

    /**
     * infra_deploy, on run.requested (attempt 1, or a replay's attempt when the reporter re-emitted the request);
     * empty when it already completed (a redelivered request).
     */
    public Optional<StageCompleted> infraDeploy(RunRequested request) {
        String runId = request.runId();
        int attempt = request.attempt();
        LOG.infof("run %s: infra_deploy of %s on backend %s (attempt %d)", runId, request.namespace(),
                request.backend(), attempt);
        return logged(runner.run(runId, Stage.INFRA_DEPLOY, attempt, request.toContext(), ctx -> {
            InfraDeployment deployed = backend(ctx).deployInfra(runId, attempt, ctx);
            return StageResult.ok(deployed.output(), ctx.withInfra(deployed.endpoints()));
        }));
    }

    /** service_deploy, on seed_data completed ok. */
    public Optional<StageCompleted> serviceDeploy(StageCompleted seeded) {
        String runId = seeded.runId();
        LOG.infof("run %s: service_deploy of image tag %s (attempt %d)", runId, seeded.context().imageTag(),
                seeded.attempt());
        return logged(runner.run(runId, Stage.SERVICE_DEPLOY, seeded.attempt(), seeded.context(), ctx -> {
            ServicesDeployment deployed = backend(ctx).deployServices(runId, seeded.attempt(), ctx);
            return StageResult.ok(deployed.output(), ctx.withServices(deployed.urls()));
        }));
    }

    /**
     * teardown, after profiling, a failed or cancelled stage or a time-out; skipped when the run asked so. It runs
     * whether or not the run was cancelled.
     */
    public Optional<StageCompleted> teardown(String runId, int attempt, RunContext context, String because) {
        LOG.infof("run %s: teardown of %s (%s)", runId, context.namespace(), because);
        return logged(runner.run(runId, Stage.TEARDOWN, attempt, context, ctx -> {
            if (ctx.skipTeardown()) {
                LOG.infof("run %s: skip_teardown: sandbox %s is kept until it expires", runId, ctx.namespace());
                return StageResult.skipped(new TeardownOutput(List.of(), List.of(), "skip_teardown: sandbox "
                        + ctx.namespace() + " is kept; the reaper removes it once it expires"), ctx);
            }
            return StageResult.ok(backend(ctx).teardown(runId, ctx), ctx);
        }));
    }

    /**
     * run.cancel-requested: no further stage of the run starts here (the {@link StageRunner} refuses it). The sandbox
     * is torn down by the chain: the stage at work stops as cancelled, which leads to teardown.
     */
    public void cancel(RunCancelRequested cancel) {
        runner.noteCancel(cancel);
        LOG.infof("run %s: cancel requested by %s (%s); the stage at work stops, then teardown", cancel.runId(),
                cancel.requestedBy(), cancel.reason());
    }

    private SandboxBackend backend(RunContext context) {
        return backends.require(context.backend());
    }

    private static Optional<StageCompleted> logged(Optional<StageCompleted> stage) {
        stage.ifPresent(SandboxStages::log);
        return stage;
    }

    private static void log(StageCompleted completed) {
        if (completed.ok() || completed.error() == null) {
            LOG.infof("run %s: %s %s in %.1f s", completed.runId(), completed.stage().id(), completed.status().id(),
                    completed.durationS());
        } else {
            LOG.warnf("run %s: %s failed in %.1f s: %s: %s", completed.runId(), completed.stage().id(),
                    completed.durationS(), completed.error().kind(), completed.error().message());
        }
    }
}
