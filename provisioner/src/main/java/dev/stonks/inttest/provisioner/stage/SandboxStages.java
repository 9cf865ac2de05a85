package dev.stonks.inttest.provisioner.stage;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageExecution;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.output.TeardownOutput;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import dev.stonks.inttest.provisioner.backend.SandboxBackend;
import dev.stonks.inttest.provisioner.backend.SandboxBackends;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.support.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The provisioner's three stages, each run through {@link StageExecution} (stage.started, the work, stage.completed)
 * on the backend the run asks for.
 */
@ApplicationScoped
public class SandboxStages {
    private static final Logger LOG = Logger.getLogger(SandboxStages.class);
    private static final int REMEMBERED_CANCELS = 1000;

    private final EventPublisher publisher;
    private final SandboxBackends backends;
    private final Set<String> cancelled = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_CANCELS;
                }
            }));

    public SandboxStages(EventPublisher publisher, SandboxBackends backends) {
        this.publisher = publisher;
        this.backends = backends;
    }

    /** infra_deploy, on run.requested. */
    public StageCompleted infraDeploy(RunRequested request) {
        String runId = request.runId();
        LOG.infof("run %s: infra_deploy of %s on backend %s", runId, request.namespace(), request.backend());
        return logged(StageExecution.run(publisher::publish, runId, Stage.INFRA_DEPLOY, 1, request.toContext(), ctx -> {
            refuseIfCancelled(runId, Stage.INFRA_DEPLOY);
            InfraDeployment deployed = backend(ctx).deployInfra(runId, 1, ctx);
            refuseIfCancelled(runId, Stage.INFRA_DEPLOY);
            return StageResult.ok(deployed.output(), ctx.withInfra(deployed.endpoints()));
        }));
    }

    /** service_deploy, on seed_data completed ok. */
    public StageCompleted serviceDeploy(StageCompleted seeded) {
        String runId = seeded.runId();
        LOG.infof("run %s: service_deploy of image tag %s (attempt %d)", runId, seeded.context().imageTag(),
                seeded.attempt());
        return logged(StageExecution.run(publisher::publish, runId, Stage.SERVICE_DEPLOY, seeded.attempt(),
                seeded.context(), ctx -> {
                    refuseIfCancelled(runId, Stage.SERVICE_DEPLOY);
                    ServicesDeployment deployed = backend(ctx).deployServices(runId, seeded.attempt(), ctx);
                    return StageResult.ok(deployed.output(), ctx.withServices(deployed.urls()));
                }));
    }

    /** teardown, after profiling, a failed setup stage, a time-out or a cancel; skipped when the run asked so. */
    public StageCompleted teardown(String runId, int attempt, RunContext context, String because) {
        LOG.infof("run %s: teardown of %s (%s)", runId, context.namespace(), because);
        return logged(StageExecution.run(publisher::publish, runId, Stage.TEARDOWN, attempt, context, ctx -> {
            if (ctx.skipTeardown()) {
                LOG.infof("run %s: skip_teardown: sandbox %s is kept until it expires", runId, ctx.namespace());
                return StageResult.skipped(new TeardownOutput(List.of(), List.of(), "skip_teardown: sandbox "
                        + ctx.namespace() + " is kept; the reaper removes it once it expires"), ctx);
            }
            return StageResult.ok(backend(ctx).teardown(runId, ctx), ctx);
        }));
    }

    /** run.cancel-requested: no further stage of the run starts here, and its sandbox is torn down. */
    public Optional<StageCompleted> cancel(RunCancelRequested cancel) {
        String runId = cancel.runId();
        cancelled.add(runId);
        for (SandboxBackend backend : backends.enabled()) {
            Optional<RunContext> context = backend.findRun(runId);
            if (context.isPresent()) {
                return Optional.of(teardown(runId, 1, context.get(), "run.cancel-requested: " + cancel.reason()));
            }
        }
        LOG.infof("run %s: cancel requested (%s); no sandbox of the run is here, nothing to tear down", runId,
                cancel.reason());
        return Optional.empty();
    }

    private SandboxBackend backend(RunContext context) {
        return backends.require(context.backend());
    }

    private void refuseIfCancelled(String runId, Stage stage) {
        if (cancelled.contains(runId)) {
            throw new StageFailedException(FailureKinds.CANCELLED, "run " + runId + " is cancelled: "
                    + stage.id() + " stops here");
        }
    }

    private static StageCompleted logged(StageCompleted completed) {
        if (completed.ok() || completed.error() == null) {
            LOG.infof("run %s: %s %s in %.1f s", completed.runId(), completed.stage().id(), completed.status().id(),
                    completed.durationS());
        } else {
            LOG.warnf("run %s: %s failed in %.1f s: %s: %s", completed.runId(), completed.stage().id(),
                    completed.durationS(), completed.error().kind(), completed.error().message());
        }
        return completed;
    }
}
