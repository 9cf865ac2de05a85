package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageHeartbeat;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.support.ReceivedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Follows runs through inttest.runs and inttest.stages; when teardown is done, publishes the verdict. Each event is
 * applied at its own time (the record's timestamp), so the watchdog judges a run rebuilt from the log as it was.
 */
@ApplicationScoped
public class RunEventsListener {
    private static final Logger LOG = Logger.getLogger(RunEventsListener.class);
    private final ReceivedEvents received;
    private final Runs runs;
    private final VerdictPublisher verdicts;
    private final LogRecovery recovery;

    public RunEventsListener(ReceivedEvents received, Runs runs, VerdictPublisher verdicts, LogRecovery recovery) {
        this.received = received;
        this.runs = runs;
        this.verdicts = verdicts;
        this.recovery = recovery;
    }

    @Incoming("events-in")
    @Blocking
    public CompletionStage<Void> onEvent(Message<byte[]> message) {
        Optional<IncomingKafkaRecordMetadata> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
        Instant at = metadata.map(IncomingKafkaRecordMetadata::getTimestamp).orElseGet(Instant::now);
        boolean replaying = metadata.map(m -> recovery.replaying(m.getTopic(), m.getPartition(), m.getOffset()))
                .orElse(false);
        try {
            if (replaying) {
                // read again after a restart: dead-lettered (if invalid) when first seen, not a second time
                try {
                    received.decodeFirstDelivery(message).ifPresent(r -> apply(r.event(), at));
                } catch (InvalidEventException e) {
                    LOG.debugf("recovery: skipping an invalid record read again: %s", e.getMessage());
                }
                return message.ack();
            }
            return received.handle(message, r -> apply(r.event(), at));
        } finally {
            metadata.ifPresent(m -> recovery.applied(m.getTopic(), m.getPartition(), m.getOffset()));
        }
    }

    void apply(InttestEvent event, Instant at) {
        RunState run = runs.get(event.runId());
        boolean finished = false;
        if (event instanceof RunRequested r) {
            run.requested(r, at);
        } else if (event instanceof RunCancelRequested c) {
            if (run.cancelRequested(c)) {
                LOG.infof("run %s: cancel requested by %s (%s)", c.runId(), c.requestedBy(), c.reason());
            }
        } else if (event instanceof StageStarted s) {
            run.started(s, at);
        } else if (event instanceof StageHeartbeat h) {
            run.heartbeat(h, at);
        } else if (event instanceof StageCompleted c) {
            finished = run.completed(c, at);
        } else if (event instanceof RunTimedOut t) {
            finished = run.timedOut(t, at);
        }
        if (finished) {
            verdicts.publish(run);
        }
    }
}
