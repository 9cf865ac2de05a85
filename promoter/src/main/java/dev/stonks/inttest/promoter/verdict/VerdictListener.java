package dev.stonks.inttest.promoter.verdict;

import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.promoter.chain.PromotionChain;
import dev.stonks.inttest.support.ReceivedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes inttest.verdicts: a {@code run.verdict} starts a promotion chain; {@code promotion.decided} (the promoter's
 * own events on the same topic) is passed over. What cannot be decoded or handled is dead-lettered.
 */
@ApplicationScoped
public class VerdictListener {
    public static final String CHANNEL = "verdicts-in";

    private final ReceivedEvents received;
    private final PromotionChain chain;

    public VerdictListener(ReceivedEvents received, PromotionChain chain) {
        this.received = received;
        this.chain = chain;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onVerdict(Message<byte[]> message) {
        return received.handle(message, r -> {
            if (r.event() instanceof RunVerdict verdict) {
                chain.onVerdict(verdict);
            }
        });
    }
}
