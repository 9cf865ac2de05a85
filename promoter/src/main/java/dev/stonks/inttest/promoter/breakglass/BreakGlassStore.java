package dev.stonks.inttest.promoter.breakglass;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.promoter.state.StateStore;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one break-glass, kept in the promoter's state (the ConfigMap, or a file locally; key {@value #KEY}) so that it outlives a restart. Opening a new
 * one replaces the old; an expired one stays stored (for {@code GET}) but no longer counts.
 */
public class BreakGlassStore {
    public static final String KEY = "break-glass.json";
    private static final Logger LOG = Logger.getLogger(BreakGlassStore.class);

    private final StateStore state;
    private volatile BreakGlass current;

    public BreakGlassStore(StateStore state) {
        this.state = state;
        this.current = state.read(KEY).map(BreakGlassStore::decode).orElse(null);
        if (current != null) {
            LOG.infof("break-glass of %s (\"%s\") loaded from %s, expires %s", current.who(), current.why(),
                    state.describe(), current.expiresAt());
        }
    }

    /** The break-glass stored, active or expired. */
    public Optional<BreakGlass> current() {
        return Optional.ofNullable(current);
    }

    /** The break-glass, if one is stored and not expired at {@code now}. */
    public Optional<BreakGlass> active(Instant now) {
        return current().filter(b -> b.isActiveAt(now));
    }

    public synchronized void open(BreakGlass breakGlass) {
        try {
            state.write(KEY, Json.MAPPER.writeValueAsString(breakGlass));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the break-glass", e);
        }
        current = breakGlass;
        LOG.warnf("break-glass opened by %s until %s: %s", breakGlass.who(), breakGlass.expiresAt(),
                breakGlass.why());
    }

    /** Removes the break-glass; returns the one removed, if any. */
    public synchronized Optional<BreakGlass> close() {
        Optional<BreakGlass> removed = current();
        state.remove(KEY);
        current = null;
        removed.ifPresent(b -> LOG.warnf("break-glass of %s closed", b.who()));
        return removed;
    }

    private static BreakGlass decode(String json) {
        try {
            return Json.MAPPER.readValue(json, BreakGlass.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("the stored break-glass is unreadable and is ignored: %s", e.getOriginalMessage());
            return null;
        }
    }
}
