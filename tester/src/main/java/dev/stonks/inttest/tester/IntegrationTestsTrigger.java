package dev.stonks.inttest.tester;

import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import dev.stonks.inttest.support.ReceivedEvents;
import dev.stonks.inttest.support.stage.StageRunner;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Runs the integration_tests stage when service_deploy completes ok: same run, same attempt, same context. Any
 * other stage event, or a failed or skipped service_deploy, is acknowledged and ignored.
 */
@ApplicationScoped
public class IntegrationTestsTrigger {
    private static final Logger LOG = Logger.getLogger(IntegrationTestsTrigger.class);

    private final ReceivedEvents received;
    private final StageRunner stages;
    private final SuiteRunner runner;

    public IntegrationTestsTrigger(ReceivedEvents received, StageRunner stages, SuiteRunner runner) {
        this.received = received;
        this.stages = stages;
        this.runner = runner;
    }

    @Incoming("stages-in")
    @Blocking(ordered = false)
    public CompletionStage<Void> onStage(Message<byte[]> message) {
        return received.handle(message, r -> {
            if (r.event() instanceof StageCompleted c && c.stage() == Stage.SERVICE_DEPLOY && c.ok()) {
                test(c);
            }
        });
    }

    void test(StageCompleted deployed) {
        LOG.infof("run %s: service_deploy #%d ok, running integration_tests", deployed.runId(), deployed.attempt());
        String runId = deployed.runId();
        stages.run(runId, Stage.INTEGRATION_TESTS, deployed.attempt(), deployed.context(),
                ctx -> runner.run(runId, ctx, () -> stages.isCancelled(runId)));
    }
}
