package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.support.ReceivedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Follows runs through inttest.runs and inttest.stages; when teardown is done, publishes the verdict. */
@ApplicationScoped
public class RunEventsListener {
    private final ReceivedEvents received;
    private final Runs runs;
    private final VerdictPublisher verdicts;

    public RunEventsListener(ReceivedEvents received, Runs runs, VerdictPublisher verdicts) {
        this.received = received;
        this.runs = runs;
        this.verdicts = verdicts;
    }

    @Incoming("events-in")
    @Blocking
    public CompletionStage<Void> onEvent(Message<byte[]> message) {
        return received.handle(message, r -> apply(r.event(), Instant.now()));
    }

    void apply(InttestEvent event, Instant now) {
        RunState run = runs.get(event.runId());
        boolean finished = false;
        if (event instanceof RunRequested r) {
            run.requested(r, now);
        } else if (event instanceof StageStarted s) {
            run.started(s, now);
        } else if (event instanceof StageCompleted c) {
            finished = run.completed(c, now);
        } else if (event instanceof RunTimedOut t) {
            finished = run.timedOut(t, now);
        }
        if (finished) {
            verdicts.publish(run);
        }
    }
}
