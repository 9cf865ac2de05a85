package dev.stonks.inttest.reporter.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the listener applies, broadcast to the event streams: one processor for all runs and one per run that somebody
 * follows. A run's processor completes after its verdict.
 */
@ApplicationScoped
public class LiveEvents {
    private final BroadcastProcessor<LiveEvent> all = BroadcastProcessor.create();
    private final ConcurrentMap<String, BroadcastProcessor<LiveEvent>> byRun = new ConcurrentHashMap<>();

    public void publish(LiveEvent event) {
        all.onNext(event);
        BroadcastProcessor<LiveEvent> run = event.verdict() ? byRun.remove(event.runId()) : byRun.get(event.runId());
        if (run != null) {
            run.onNext(event);
            if (event.verdict()) {
                run.onComplete();
            }
        }
    }

    /** Every run's events from now on. */
    public Multi<LiveEvent> all() {
        return all;
    }

    /**
     * A run's events from now on, buffered until the stream is read (subscribed at once, so nothing published while
     * the history is being read is lost); completes after the verdict.
     */
    public Multi<LiveEvent> follow(String runId) {
        UnicastProcessor<LiveEvent> buffer = UnicastProcessor.create();
        byRun.computeIfAbsent(runId, id -> BroadcastProcessor.create()).subscribe(buffer);
        return buffer;
    }
}
