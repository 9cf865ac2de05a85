package dev.stonks.inttest.promoter.breakglass;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.promoter.state.StateStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every break-glass ever opened, append-only, kept in the promoter's state (the ConfigMap, or a file locally; key
 * {@value #KEY}) so that it outlives a restart: opening a new one never erases an earlier one, closing or expiring one
 * only marks it. Each step (opened, approved, used, closed, expired) is saved together with its
 * {@code promotion.break-glass} event in an outbox, then published; what could not be published is published on a
 * later check ({@link #flush()}), in order.
 */
public class BreakGlassStore {
    public static final String KEY = "break-glasses.json";
    /** The promoter itself, as the one who records a use or an expiry. */
    public static final String PROMOTER = "promoter";
    private static final Logger LOG = Logger.getLogger(BreakGlassStore.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What is saved under {@link #KEY}. */
    record Stored(List<BreakGlass> breakGlasses, List<BreakGlassRecorded> outbox) {
        Stored {
            breakGlasses = breakGlasses == null ? List.of() : List.copyOf(breakGlasses);
            outbox = outbox == null ? List.of() : List.copyOf(outbox);
        }
    }

    private final StateStore state;
    private final BreakGlassOutlet outlet;
    private final List<BreakGlass> all = new ArrayList<>();
    private final List<BreakGlassRecorded> outbox = new ArrayList<>();

    public BreakGlassStore(StateStore state, BreakGlassOutlet outlet) {
        this.state = state;
        this.outlet = outlet;
        Stored stored = state.read(KEY).map(BreakGlassStore::decode).orElse(new Stored(null, null));
        all.addAll(stored.breakGlasses());
        outbox.addAll(stored.outbox());
        if (!all.isEmpty()) {
            LOG.infof("%d break-glass records loaded from %s (%d steps to publish)", all.size(), state.describe(),
                    outbox.size());
        }
    }

    /** Every break-glass, newest (last opened) first. */
    public synchronized List<BreakGlass> all() {
        List<BreakGlass> newestFirst = new ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    public synchronized Optional<BreakGlass> find(String id) {
        return all.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The newest break-glass that counts at {@code now}, if any. */
    public synchronized Optional<BreakGlass> active(Instant now) {
        return all().stream().filter(b -> b.isActiveAt(now)).findFirst();
    }

    /** Opens a new break-glass; earlier ones stay as they are. */
    public synchronized BreakGlass open(String openedBy, String reason, Instant now, Instant expiresAt,
            int approvalsRequired) {
        String id;
        do {
            id = "bg-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes());
        } while (find(id).isPresent());
        BreakGlass opened = BreakGlass.open(id, openedBy, reason, now, expiresAt, approvalsRequired);
        all.add(opened);
        commit(opened.step(BreakGlassRecorded.OPENED, openedBy, now, null, null));
        LOG.warnf("break-glass %s opened by %s until %s%s: %s", id, openedBy, expiresAt, opened.isApproved() ? ""
                : " (counts once " + (approvalsRequired - 1) + " other person approves)", reason);
        return opened;
    }

    /** {@code principal} approves break-glass {@code id}: never the opener, never twice, only while it is open. */
    public synchronized BreakGlass approve(String id, String principal, Instant now) {
        BreakGlass glass = require(id);
        if (glass.isClosed() || glass.isExpiredAt(now)) {
            throw new BreakGlassException(409, "break-glass " + id + " is " + glass.stateAt(now)
                    + "; open a new one");
        }
        if (glass.openedBy().equals(principal)) {
            throw new BreakGlassException(403, "break-glass " + id + " was opened by " + principal
                    + ", who cannot approve it too: the approval must come from a second, different person");
        }
        if (glass.approvedBy().contains(principal)) {
            throw new BreakGlassException(409, principal + " has already approved break-glass " + id);
        }
        if (glass.isApproved()) {
            throw new BreakGlassException(409, "break-glass " + id + " needs no further approval (it is active)");
        }
        BreakGlass approved = glass.approvedBy(principal, now);
        replace(approved);
        commit(approved.step(BreakGlassRecorded.APPROVED, principal, now, null, null));
        LOG.warnf("break-glass %s approved by %s%s", id, principal, approved.isApproved() ? "; it is active" : "");
        return approved;
    }

    /** {@code principal} closes break-glass {@code id}; it stays in the list, marked closed. */
    public synchronized BreakGlass close(String id, String principal, Instant now) {
        BreakGlass glass = require(id);
        if (glass.isClosed()) {
            throw new BreakGlassException(409, "break-glass " + id + " was already closed by " + glass.closedBy());
        }
        BreakGlass closed = glass.closed(principal, now);
        replace(closed);
        commit(closed.step(BreakGlassRecorded.CLOSED, principal, now, null, null));
        LOG.warnf("break-glass %s closed by %s", id, principal);
        return closed;
    }

    /** Closes every break-glass that is neither closed nor expired; returns them. */
    public synchronized List<BreakGlass> closeAll(String principal, Instant now) {
        List<BreakGlass> closed = new ArrayList<>();
        for (BreakGlass b : List.copyOf(all)) {
            if (!b.isClosed() && !b.isExpiredAt(now)) {
                closed.add(close(b.id(), principal, now));
            }
        }
        return closed;
    }

    /** Records that {@code glass} let {@code run}'s promotion to {@code stage} through market hours. */
    public synchronized void used(BreakGlass glass, String run, String stage, Instant now) {
        commit(glass.step(BreakGlassRecorded.USED, PROMOTER, now, run, stage));
    }

    /** Records the expiry of every break-glass that expired unclosed and was not recorded yet; publishes the rest. */
    public synchronized void check(Instant now) {
        List<BreakGlassRecorded> steps = new ArrayList<>();
        for (BreakGlass b : List.copyOf(all)) {
            if (!b.isClosed() && !b.expiryRecorded() && b.isExpiredAt(now)) {
                BreakGlass expired = b.withExpiryRecorded();
                replace(expired);
                steps.add(expired.step(BreakGlassRecorded.EXPIRED, PROMOTER, b.expiresAt(), null, null));
                LOG.infof("break-glass %s of %s expired at %s", b.id(), b.openedBy(), b.expiresAt());
            }
        }
        if (!steps.isEmpty()) {
            commit(steps.toArray(BreakGlassRecorded[]::new));
        } else if (!outbox.isEmpty()) {
            flush();
        }
    }

    /** Publishes what is in the outbox, in order, and saves how far that got. */
    public synchronized void flush() {
        int published = 0;
        try {
            for (BreakGlassRecorded step : outbox) {
                outlet.publish(step);
                published++;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not publish a promotion.break-glass (%d waiting); trying again on the next check",
                    outbox.size() - published);
        }
        if (published > 0) {
            outbox.subList(0, published).clear();
            save();
        }
    }

    private void commit(BreakGlassRecorded... steps) {
        outbox.addAll(List.of(steps));
        save();
        flush();
    }

    private BreakGlass require(String id) {
        return find(id).orElseThrow(() -> new BreakGlassException(404, "no break-glass " + id));
    }

    private void replace(BreakGlass updated) {
        all.replaceAll(b -> b.id().equals(updated.id()) ? updated : b);
    }

    private void save() {
        try {
            state.write(KEY, Json.MAPPER.writeValueAsString(new Stored(all, outbox)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the break-glass records", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[2];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Stored decode(String json) {
        try {
            return Json.MAPPER.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            // refuse to start rather than begin a new, empty audit trail over an unreadable one
            throw new IllegalStateException("the stored break-glass records (" + KEY + ") are unreadable: "
                    + e.getOriginalMessage(), e);
        }
    }
}
