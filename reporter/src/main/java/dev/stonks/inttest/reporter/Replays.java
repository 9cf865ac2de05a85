package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.ReplayRules;
import dev.stonks.inttest.events.RunReplayRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageChain;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.reporter.live.LiveEvent;
import dev.stonks.inttest.reporter.live.LiveEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Answers run.replay-requested: re-emits, from the log, the event that triggered the stage to replay from
 * (run.requested for infra_deploy, else the previous stage's latest stage.completed) as the run's next attempt, with
 * the {@code replayof} extension naming the event it replays; the stage services then run that stage and the ones
 * after it as that attempt, and this reporter issues that attempt's verdict. The reporter owns this because it alone
 * holds every run rebuilt from the log: whether it is finished, whether its sandbox was torn down, each stage's latest
 * completion (outputs and context carried forward), and the verdicts per attempt. A refusal re-emits nothing: it is
 * logged and shown on the live event streams ({@code run.replay-refused}); the doors asked {@link ReplayRules} first.
 */
@ApplicationScoped
public class Replays {
    private static final Logger LOG = Logger.getLogger(Replays.class);

    /** What to do with a replay request. */
    sealed interface Decision {
    }

    /** Re-emit {@code trigger} (marked as a replay of {@code replayOf}), re-opening the run as {@code attempt}. */
    record Replay(Stage from, int attempt, InttestEvent trigger, String replayOf) implements Decision {
    }

    record Refused(ReplayRules.Refusal refusal) implements Decision {
    }

    private final Runs runs;
    private final VerdictLedger ledger;
    private final EventPublisher publisher;
    private final LiveEvents live;

    public Replays(Runs runs, VerdictLedger ledger, EventPublisher publisher, LiveEvents live) {
        this.runs = runs;
        this.ledger = ledger;
        this.publisher = publisher;
        this.live = live;
    }

    void requested(RunReplayRequested request, Instant at) {
        Optional<RunState> run = runs.find(request.runId());
        Decision decision = plan(run.orElse(null), ledger.published(request.runId()), request, at);
        if (decision instanceof Replay replay) {
            // re-opened before the trigger goes out, so a second request meanwhile finds the run in flight
            run.orElseThrow().reopen(replay.from(), replay.attempt(), at);
            publisher.publish(replay.trigger(), replay.replayOf());
            LOG.infof("run %s: replay from %s as attempt %d, asked by %s: re-emitted %s (replay of %s)%s",
                    request.runId(), replay.from().id(), replay.attempt(), request.requestedBy(),
                    replay.trigger().type().eventName(), replay.replayOf(),
                    request.imageTag() == null ? "" : " at image tag " + request.imageTag());
        } else if (decision instanceof Refused refused) {
            LOG.warnf("run %s: replay from %s asked by %s refused: %s", request.runId(), request.fromStage().id(),
                    request.requestedBy(), refused.refusal().message());
            live.publish(LiveEvent.of("run.replay-refused", request.runId(), request.fromStage().id(), null,
                    "refused", at).with("reason", refused.refusal().message()));
        }
    }

    /**
     * The decision for {@code request} on {@code run} (null when unknown), whose highest attempt with a verdict is
     * {@code published}.
     */
    static Decision plan(RunState run, int published, RunReplayRequested request, Instant now) {
        String runId = request.runId();
        Stage from = request.fromStage();
        boolean known = run != null && (run.request().isPresent() || !run.snapshot().stages().isEmpty());
        ObjectNode document = known ? ResultsAssembler.assemble(run.snapshot(), now) : null;
        Optional<ReplayRules.Refusal> refusal = ReplayRules.check(runId, document, known && run.inFlight(published),
                from, request.imageTag());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        int attempt = run.attempt() + 1;
        if (from == Stage.INFRA_DEPLOY) {
            Optional<RunRequested> original = run.request();
            if (original.isEmpty() || run.requestId() == null) {
                return refused(409, "the request of run " + runId + " is no longer on the log (older than the"
                        + " reporter's recovery horizon); request a new run");
            }
            String tag = request.imageTag() != null ? request.imageTag() : original.get().imageTag();
            return new Replay(from, attempt, original.get().asAttempt(attempt, tag), run.requestId());
        }
        Stage previous = StageChain.triggerOf(from).orElseThrow();
        Optional<Map.Entry<StageCompleted, String>> completion = run.completion(previous);
        if (completion.isEmpty()) {
            return refused(409, "the completion of " + previous.id() + " of run " + runId
                    + " is no longer on the log; replay from an earlier stage");
        }
        StageCompleted c = completion.get().getKey();
        StageCompleted trigger = new StageCompleted(runId, previous, attempt, c.status(), c.startedAt(),
                c.completedAt(), c.durationS(), c.error(), c.output(),
                request.imageTag() == null ? c.context() : c.context().withImageTag(request.imageTag()));
        if (!StageChain.next(trigger).equals(Optional.of(from))) {
            return refused(409, previous.id() + " of run " + runId + " ended " + c.status().id()
                    + ", which does not lead to " + from.id() + "; replay from " + previous.id());
        }
        return new Replay(from, attempt, trigger, completion.get().getValue());
    }

    private static Refused refused(int status, String message) {
        return new Refused(new ReplayRules.Refusal(status, message));
    }
}
