package dev.stonks.inttest.seeder;

import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.support.ReceivedEvents;
import dev.stonks.inttest.support.stage.StageRunner;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Runs seed_data when infra_deploy completes ok. */
@ApplicationScoped
public class SeedTrigger {
    private final ReceivedEvents received;
    private final StageRunner stages;
    private final SandboxSeeder seeder;

    public SeedTrigger(ReceivedEvents received, StageRunner stages, SandboxSeeder seeder) {
        this.received = received;
        this.stages = stages;
        this.seeder = seeder;
    }

    @Incoming("stages-in")
    @Blocking(ordered = false)
    public CompletionStage<Void> onStage(Message<byte[]> message) {
        return received.handle(message, r -> {
            if (r.event() instanceof StageCompleted c && c.stage() == Stage.INFRA_DEPLOY && c.ok()) {
                stages.run(c.runId(), Stage.SEED_DATA, c.attempt(), c.context(),
                        ctx -> StageResult.ok(seeder.seed(c.runId(), ctx, () -> stages.throwIfCancelled(c.runId(),
                                Stage.SEED_DATA)), ctx));
            }
        });
    }
}
