package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.CloudEventAttributes;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.InvalidEventException;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunReplayRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageChain;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageHeartbeat;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.reporter.history.HistoryWrites;
import dev.stonks.inttest.reporter.history.HistoryWriter;
import dev.stonks.inttest.reporter.history.StageAttempt;
import dev.stonks.inttest.reporter.live.LiveEvent;
import dev.stonks.inttest.reporter.live.LiveEvents;
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
    private final HistoryWrites history;
    private final HistoryWriter writer;
    private final LiveEvents live;
    private final VerdictLedger ledger;
    private final Replays replays;

    public RunEventsListener(ReceivedEvents received, Runs runs, VerdictPublisher verdicts, LogRecovery recovery,
            HistoryWrites history, HistoryWriter writer, LiveEvents live, VerdictLedger ledger, Replays replays) {
        this.replays = replays;
        this.received = received;
        this.runs = runs;
        this.verdicts = verdicts;
        this.recovery = recovery;
        this.history = history;
        this.writer = writer;
        this.live = live;
        this.ledger = ledger;
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
                    received.decodeFirstDelivery(message).ifPresent(r -> apply(r.event(), r.attributes(), at, true));
                } catch (InvalidEventException e) {
                    LOG.debugf("recovery: skipping an invalid record read again: %s", e.getMessage());
                }
                return message.ack();
            }
            return received.handle(message, r -> apply(r.event(), r.attributes(), at, false));
        } finally {
            metadata.ifPresent(m -> recovery.applied(m.getTopic(), m.getPartition(), m.getOffset()));
        }
    }

    void apply(InttestEvent event, Instant at, boolean replaying) {
        apply(event, null, at, replaying);
    }

    /** {@code attributes} (null in tests): the event's id, and {@code replayof} for a trigger a replay re-emitted. */
    void apply(InttestEvent event, CloudEventAttributes attributes, Instant at, boolean replaying) {
        String eventId = attributes == null ? null : attributes.id();
        if (attributes != null && attributes.replayOf() != null
                && (event instanceof RunRequested || event instanceof StageCompleted)) {
            replayed(event, attributes.replayOf(), at, replaying);
            return;
        }
        if (event instanceof RunReplayRequested r) {
            // acted on once, when it arrives; read again after a restart, its re-emitted trigger is on the log
            if (!replaying) {
                replays.requested(r, at);
            }
            return;
        }
        RunState run = runs.get(event.runId());
        boolean finished = false;
        // read again after a restart, a run whose verdict is out already has its history
        boolean record = !(replaying && ledger.published(event.runId()) > 0);
        if (event instanceof RunRequested r) {
            run.requested(r, at, eventId);
            if (record) {
                writer.write(r.runId(), "requested", () -> history.requested(r));
            }
            live(LiveEvent.of("run.requested", r.runId(), null, 1, "running", r.requestedAt())
                    .with("image_tag", r.imageTag()), replaying);
        } else if (event instanceof RunCancelRequested c) {
            if (run.cancelRequested(c)) {
                LOG.infof("run %s: cancel requested by %s (%s)", c.runId(), c.requestedBy(), c.reason());
                if (record) {
                    writer.write(c.runId(), "run.cancel-requested", () -> history.cancelRequested(c));
                }
                live(LiveEvent.of("run.cancel-requested", c.runId(), null, null, "cancelling", c.requestedAt())
                        .with("by", c.requestedBy()).with("reason", c.reason()), replaying);
            }
        } else if (event instanceof StageStarted s) {
            run.started(s, at);
            if (record) {
                writer.write(s.runId(), "stage.started", () -> history.stage(StageAttempt.of(s), s.context(), at));
            }
            live(LiveEvent.of("stage.started", s.runId(), s.stage().id(), s.attempt(), "running", s.startedAt()),
                    replaying);
        } else if (event instanceof StageHeartbeat h) {
            run.heartbeat(h, at);
            live(LiveEvent.of("stage.heartbeat", h.runId(), h.stage().id(), h.attempt(), "running", h.at()),
                    replaying);
        } else if (event instanceof StageCompleted c) {
            finished = run.completed(c, at, eventId);
            if (record) {
                writer.write(c.runId(), "stage.completed", () -> history.stage(StageAttempt.of(c), c.context(), at));
            }
            live(LiveEvent.of("stage.completed", c.runId(), c.stage().id(), c.attempt(), c.status().id(),
                    c.completedAt()).with("duration_s", c.durationS()).with("error", c.error()), replaying);
        } else if (event instanceof RunTimedOut t) {
            finished = run.timedOut(t, at);
            if (record) {
                writer.write(t.runId(), "run.timed-out", () -> history.stage(StageAttempt.of(t), t.context(), at));
            }
            live(LiveEvent.of("run.timed-out", t.runId(), t.stage().id(), t.attempt(), "timed_out", t.detectedAt())
                    .with("reason", t.reason()), replaying);
        }
        if (finished) {
            verdicts.publish(run);
        }
    }

    /**
     * A trigger re-emitted by a replay: not a new attempt of the stage it reports (that stage did not run again) but
     * the start of the run's next attempt from the stage it triggers.
     */
    private void replayed(InttestEvent trigger, String replayOf, Instant at, boolean replaying) {
        Stage from;
        int attempt;
        if (trigger instanceof RunRequested r) {
            from = Stage.INFRA_DEPLOY;
            attempt = r.attempt();
        } else {
            StageCompleted c = (StageCompleted) trigger;
            from = StageChain.next(c).orElse(null);
            attempt = c.attempt();
        }
        if (from == null) {
            return;
        }
        RunState run = runs.get(trigger.runId());
        if (run.reopen(from, attempt, at)) {
            LOG.infof("run %s: replay from %s as attempt %d (replay of event %s)", trigger.runId(), from.id(),
                    attempt, replayOf);
        }
        if (!replaying || ledger.published(trigger.runId()) < attempt) {
            Stage stage = from;
            writer.write(trigger.runId(), "replay", () -> history.reopened(trigger.runId(), stage.id(), attempt));
        }
        live(LiveEvent.of("run.replay", trigger.runId(), from.id(), attempt, "running", at)
                .with("replay_of", replayOf), replaying);
    }

    private void live(LiveEvent event, boolean replaying) {
        if (!replaying) {
            live.publish(event);
        }
    }
}
