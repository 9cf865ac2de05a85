package dev.stonks.inttest.promoter.chain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Looks at every chain in flight every {@code promoter.check-interval}: Promotions that finished, Freight that
 * appeared or got verified, a market that closed, a break-glass that was opened.
 */
@ApplicationScoped
public class ChainScheduler {
    private static final Logger LOG = Logger.getLogger(ChainScheduler.class);
    private final PromotionChain chain;

    public ChainScheduler(PromotionChain chain) {
        this.chain = chain;
    }

    @Scheduled(every = "${promoter.check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            chain.tick();
        } catch (RuntimeException e) {
            LOG.errorf(e, "checking the promotion chains failed; trying again on the next check");
        }
    }
}
