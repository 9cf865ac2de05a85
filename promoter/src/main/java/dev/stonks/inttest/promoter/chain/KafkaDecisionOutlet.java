package dev.stonks.inttest.promoter.chain;

import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.support.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/** Decisions as {@code promotion.decided} events on inttest.verdicts, keyed by run id. */
@ApplicationScoped
public class KafkaDecisionOutlet implements DecisionOutlet {
    private final EventPublisher publisher;

    public KafkaDecisionOutlet(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(PromotionDecided decision) {
        publisher.publish(decision);
    }
}
