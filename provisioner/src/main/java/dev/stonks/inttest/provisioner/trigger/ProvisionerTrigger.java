package dev.stonks.inttest.provisioner.trigger;

import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.provisioner.stage.SandboxStages;
import dev.stonks.inttest.support.ReceivedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes inttest.runs and inttest.stages on one channel: run.requested starts infra_deploy, seed_data ok starts
 * service_deploy, and whatever the chain says leads to teardown (profiling done, a failed setup stage, a time-out)
 * starts teardown, as does run.cancel-requested. Events of several runs are handled concurrently; the backend
 * serialises what concerns one sandbox.
 */
@ApplicationScoped
public class ProvisionerTrigger {
    public static final String CHANNEL = "events-in";

    private final ReceivedEvents received;
    private final SandboxStages stages;

    public ProvisionerTrigger(ReceivedEvents received, SandboxStages stages) {
        this.received = received;
        this.stages = stages;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = false)
    public CompletionStage<Void> onEvent(Message<byte[]> message) {
        return received.handle(message, r -> dispatch(r.event()));
    }

    void dispatch(InttestEvent event) {
        Route.of(event).ifPresent(route -> {
            switch (route) {
                case INFRA_DEPLOY -> stages.infraDeploy((RunRequested) event);
                case SERVICE_DEPLOY -> stages.serviceDeploy((StageCompleted) event);
                case TEARDOWN -> teardown(event);
                case CANCEL -> stages.cancel((RunCancelRequested) event);
            }
        });
    }

    private void teardown(InttestEvent event) {
        if (event instanceof StageCompleted c) {
            stages.teardown(c.runId(), c.attempt(), c.context(), c.stage().id() + " " + c.status().id());
        } else if (event instanceof RunTimedOut t) {
            stages.teardown(t.runId(), t.attempt(), t.context(), t.stage().id() + " timed out");
        }
    }
}
