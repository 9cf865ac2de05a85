package dev.stonks.inttest.gateway.runs;

import dev.stonks.inttest.events.RunEvent;
import dev.stonks.inttest.gateway.http.GatewayException;
import dev.stonks.inttest.support.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * {@link RunEvents} through the pipeline's {@link EventPublisher}, which waits for the broker's acknowledgement. How
 * long it can wait is bounded by the producer's timeouts in application.properties (below GitHub's 10 s).
 */
@ApplicationScoped
public class KafkaRunEvents implements RunEvents {
    private static final Logger LOG = Logger.getLogger(KafkaRunEvents.class);
    private final EventPublisher publisher;

    public KafkaRunEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(RunEvent event) {
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.warnf("run %s: Kafka did not take %s: %s", event.runId(), event.type().eventName(), root.toString());
            throw new GatewayException(GatewayException.Reason.EVENT_NOT_PUBLISHED, "Kafka did not acknowledge "
                    + event.type().eventName() + " of run " + event.runId() + "; nothing was requested, try again",
                    null, e);
        }
    }
}
