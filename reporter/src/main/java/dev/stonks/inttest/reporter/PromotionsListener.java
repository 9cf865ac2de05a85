package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.events.ReceivedEvent;
import dev.stonks.inttest.reporter.history.BreakGlassSteps;
import dev.stonks.inttest.reporter.history.HistoryWriter;
import dev.stonks.inttest.reporter.history.HistoryWrites;
import dev.stonks.inttest.support.ReceivedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the promoter's decisions (promotion.decided on inttest.verdicts) and its break-glass audit trail
 * (promotion.break-glass, keyed by the break-glass id) in the history. The reporter's own verdicts
 * on that topic are not its business here; a record it cannot read is the promoter's to dead-letter, not its own.
 */
@ApplicationScoped
public class PromotionsListener {
    private static final Logger LOG = Logger.getLogger(PromotionsListener.class);
    private final ReceivedEvents received;
    private final HistoryWrites history;
    private final HistoryWriter writer;
    private final BreakGlassSteps breakGlass;

    public PromotionsListener(ReceivedEvents received, HistoryWrites history, HistoryWriter writer,
            BreakGlassSteps breakGlass) {
        this.received = received;
        this.history = history;
        this.writer = writer;
        this.breakGlass = breakGlass;
    }

    @Incoming("verdicts-in")
    @Blocking
    public CompletionStage<Void> onVerdictTopic(Message<byte[]> message) {
        try {
            ReceivedEvent event = received.decode(message);
            if (event.event() instanceof PromotionDecided p) {
                writer.write(p.runId(), "promotion.decided " + p.stage(), () -> history.promotion(p, p.backend()));
            } else if (event.event() instanceof BreakGlassRecorded step) {
                writer.write(step.breakGlassId(), "promotion.break-glass " + step.action(),
                        () -> breakGlass.record(step, event.attributes().id()));
            }
        } catch (InvalidEventException e) {
            LOG.debugf("inttest.verdicts: skipping a record that is no event of ours: %s", e.getMessage());
        }
        return message.ack();
    }
}
