package dev.stonks.inttest.promoter.chain;

import dev.stonks.inttest.events.PromotionDecided;

/** Where decisions go: the bus ({@code promotion.decided} on inttest.verdicts) in the service, a list in tests. */
@FunctionalInterface
public interface DecisionOutlet {
    /** Publishes {@code decision}; throws when it could not be published (it is then retried). */
    void publish(PromotionDecided decision);
}
