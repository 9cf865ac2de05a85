package dev.stonks.inttest.support.stage;

import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a stage service must know of every run, whichever replica owns the run's partition: the runs cancelled, and
 * the stages already completed (so that a trigger redelivered after a crash does not redo a stage whose
 * stage.completed is already on the log). Filled by {@link RunLogReader} from inttest.runs and inttest.stages, and by
 * this service's own completions. Bounded: the oldest entries are forgotten.
 */
public class RunLog {
    private final Map<String, RunCancelRequested> cancels;
    private final Map<String, Boolean> completed;
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    public RunLog(int capacity) {
        this.cancels = bounded(capacity);
        this.completed = bounded(capacity);
    }

    /** A log that knows nothing and waits for nothing (handler tests without Kafka). */
    public static RunLog standalone() {
        RunLog log = new RunLog(10_000);
        log.markCaughtUp();
        return log;
    }

    public void accept(InttestEvent event) {
        if (event instanceof RunCancelRequested c) {
            cancels.putIfAbsent(c.runId(), c);
        } else if (event instanceof StageCompleted c) {
            completed.put(key(c.runId(), c.stage(), c.attempt()), Boolean.TRUE);
        }
    }

    public Optional<RunCancelRequested> cancel(String runId) {
        return Optional.ofNullable(cancels.get(runId));
    }

    public boolean completed(String runId, Stage stage, int attempt) {
        return completed.containsKey(key(runId, stage, attempt));
    }

    void markCaughtUp() {
        caughtUp.countDown();
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until the log has been read up to where it ended when this service started; false on time-out. */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String key(String runId, Stage stage, int attempt) {
        return runId + "/" + stage.id() + "/" + attempt;
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
