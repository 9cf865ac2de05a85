package dev.stonks.inttest.seeder;

import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageExecution;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.ReceivedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Runs seed_data when infra_deploy completes ok. */
@ApplicationScoped
public class SeedTrigger {
    private final ReceivedEvents received;
    private final EventPublisher publisher;
    private final SandboxSeeder seeder;

    public SeedTrigger(ReceivedEvents received, EventPublisher publisher, SandboxSeeder seeder) {
        this.received = received;
        this.publisher = publisher;
        this.seeder = seeder;
    }

    @Incoming("stages-in")
    @Blocking(ordered = false)
    public CompletionStage<Void> onStage(Message<byte[]> message) {
        return received.handle(message, r -> {
            if (r.event() instanceof StageCompleted c && c.stage() == Stage.INFRA_DEPLOY && c.ok()) {
                StageExecution.run(publisher::publish, c.runId(), Stage.SEED_DATA, c.attempt(), c.context(),
                        ctx -> StageResult.ok(seeder.seed(c.runId(), ctx), ctx));
            }
        });
    }
}
