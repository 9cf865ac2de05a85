package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Publishes a verdict's CDEvents on {@code inttest.cdevents}, through the same producer as the pipeline's events,
 * each acknowledged by the broker before the next. They restate the verdict for CD tools: one that cannot be
 * published is logged and never holds back what follows the verdict (history, live streams).
 */
@ApplicationScoped
public class CdEventsPublisher {
    private static final Logger LOG = Logger.getLogger(CdEventsPublisher.class);
    private final EventPublisher publisher;
    private final String source;

    public CdEventsPublisher(EventPublisher publisher, PipelineConfig config) {
        this.publisher = publisher;
        this.source = "/inttest/" + config.service();
    }

    /** The CDEvents of the verdict whose results are {@code results}, decided at {@code decidedAt}. */
    public void publish(JsonNode results, Instant decidedAt) {
        String runId = results.get("run_id").asText();
        for (CdEvent event : VerdictCdEvents.of(results, source, decidedAt)) {
            try {
                publisher.send(CdEventRecords.envelope(runId, event));
                LOG.infof("run %s: published %s", runId, event.context().type());
            } catch (Exception e) {
                LOG.warnf(e, "run %s: %s not published", runId, event.context().type());
            }
        }
    }
}
