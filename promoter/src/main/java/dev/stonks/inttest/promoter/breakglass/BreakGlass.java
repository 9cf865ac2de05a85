package dev.stonks.inttest.promoter.breakglass;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.events.PromotionDecided;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Permission to promote the market-gated stages while the market is open: who opened it (the principal of their
 * credential), why, when, until when, and who approved it. It counts from the moment enough people stand behind it
 * (the opener and {@code approvalsRequired - 1} different approvers) until it expires (exclusive) or is closed. It is
 * never removed: closing or expiring only marks it.
 */
public record BreakGlass(String id, String openedBy, String reason, Instant openedAt, Instant expiresAt,
        int approvalsRequired, List<Approval> approvals, Instant closedAt, String closedBy, boolean expiryRecorded) {

    public static final String AWAITING_APPROVAL = "awaiting-approval";
    public static final String ACTIVE = "active";
    public static final String EXPIRED = "expired";
    public static final String CLOSED = "closed";

    /** One approval: who and when. */
    public record Approval(String by, Instant at) {
    }

    public BreakGlass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(openedBy, "opened_by");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "opened_at");
        Objects.requireNonNull(expiresAt, "expires_at");
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        approvalsRequired = Math.max(1, approvalsRequired);
    }

    public static BreakGlass open(String id, String openedBy, String reason, Instant openedAt, Instant expiresAt,
            int approvalsRequired) {
        return new BreakGlass(id, openedBy, reason, openedAt, expiresAt, approvalsRequired, List.of(), null, null,
                false);
    }

    @JsonIgnore
    public boolean isApproved() {
        return 1 + approvals.size() >= approvalsRequired;
    }

    @JsonIgnore
    public boolean isClosed() {
        return closedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether it lets a gated stage through at {@code now}: approved enough, not closed, not expired. */
    public boolean isActiveAt(Instant now) {
        return isApproved() && !isClosed() && !isExpiredAt(now);
    }

    /** {@value #CLOSED}, {@value #EXPIRED}, {@value #AWAITING_APPROVAL} or {@value #ACTIVE}. */
    public String stateAt(Instant now) {
        if (isClosed()) {
            return CLOSED;
        }
        if (isExpiredAt(now)) {
            return EXPIRED;
        }
        return isApproved() ? ACTIVE : AWAITING_APPROVAL;
    }

    @JsonIgnore
    public List<String> approvedBy() {
        return approvals.stream().map(Approval::by).toList();
    }

    public BreakGlass approvedBy(String principal, Instant at) {
        List<Approval> next = new ArrayList<>(approvals);
        next.add(new Approval(principal, at));
        return new BreakGlass(id, openedBy, reason, openedAt, expiresAt, approvalsRequired, next, closedAt, closedBy,
                expiryRecorded);
    }

    public BreakGlass closed(String principal, Instant at) {
        return new BreakGlass(id, openedBy, reason, openedAt, expiresAt, approvalsRequired, approvals, at, principal,
                expiryRecorded);
    }

    public BreakGlass withExpiryRecorded() {
        return new BreakGlass(id, openedBy, reason, openedAt, expiresAt, approvalsRequired, approvals, closedAt,
                closedBy, true);
    }

    /** As carried by a {@code promotion.decided} event it let through. */
    public PromotionDecided.BreakGlass toEvent() {
        String who = approvals.isEmpty() ? openedBy : openedBy + ", approved by " + String.join(", ", approvedBy());
        return new PromotionDecided.BreakGlass(who, reason, expiresAt);
    }

    /** This break-glass's step {@code action}, done by {@code by} at {@code at}. */
    public BreakGlassRecorded step(String action, String by, Instant at, String run, String stage) {
        return new BreakGlassRecorded(id, action, by, reason, openedBy, openedAt, expiresAt, approvalsRequired,
                approvedBy(), run, stage, at);
    }
}
