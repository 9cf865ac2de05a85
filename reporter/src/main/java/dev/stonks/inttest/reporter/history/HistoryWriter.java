package dev.stonks.inttest.reporter.history;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a history write from blocking code (the event listener, the verdict publisher, the recovery) and waits for
 * it. A write that fails is logged and dropped: the history is the query side, the log stays the truth, and a run's
 * verdict rewrites everything of it.
 */
@ApplicationScoped
public class HistoryWriter {
    private static final Logger LOG = Logger.getLogger(HistoryWriter.class);
    // short: the listener waits for each write, and the watchdog judges runs by what the listener applied
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Returns whether the write was done. */
    public boolean write(String runId, String what, Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(TIMEOUT).fail());
            return true;
        } catch (Throwable e) {
            LOG.warnf(e, "run %s: history not written (%s): %s", runId, what, e.getMessage());
            return false;
        }
    }

    /** A read from blocking code; throws when it fails. */
    public <T> T read(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(TIMEOUT).fail());
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
