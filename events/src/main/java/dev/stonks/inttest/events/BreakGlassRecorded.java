package dev.stonks.inttest.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One step in the life of a break-glass (permission to promote the market-gated stages while the NYSE is open), as
 * the promoter's audit trail on {@code inttest.verdicts}. The Kafka key and CloudEvents subject is the break-glass id
 * (a DNS label such as {@code bg-20261202-143000-1a2b}), not a run: {@link #runId()} returns it so that the codec and
 * the publisher treat it like any other event.
 *
 * @param breakGlassId      which break-glass
 * @param action            one of {@link #ACTIONS}: {@code opened}, {@code approved}, {@code used} (it let a promotion
 *                          through market hours), {@code closed} (by someone), {@code expired}
 * @param by                the principal who did it (from their credential); {@code promoter} for {@code used} and
 *                          {@code expired}
 * @param reason            why it was opened
 * @param openedBy          the principal who opened it
 * @param openedAt          when it was opened
 * @param expiresAt         until when it counts (exclusive), at most 24 h after opening
 * @param approvalsRequired how many people must stand behind it (the opener included) before it counts: 1, or 2 with
 *                          the two-person rule
 * @param approvedBy        who approved it so far (never the opener)
 * @param run               for {@code used}: the run whose promotion it let through
 * @param stage             for {@code used}: the stage promoted
 * @param at                when this step happened
 */
public record BreakGlassRecorded(String breakGlassId, String action, String by, String reason, String openedBy,
        Instant openedAt, Instant expiresAt, int approvalsRequired, List<String> approvedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String run,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stage, Instant at) implements VerdictEvent {

    public static final String OPENED = "opened";
    public static final String APPROVED = "approved";
    public static final String USED = "used";
    public static final String CLOSED = "closed";
    public static final String EXPIRED = "expired";
    public static final Set<String> ACTIONS = Set.of(OPENED, APPROVED, USED, CLOSED, EXPIRED);

    public BreakGlassRecorded {
        Names.requireRunId(breakGlassId);
        Required.field(action, "action");
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS + ", was '" + action + "'");
        }
        Required.field(by, "by");
        Required.field(reason, "reason");
        Required.field(openedBy, "opened_by");
        Required.field(openedAt, "opened_at");
        Required.field(expiresAt, "expires_at");
        Required.field(at, "at");
        if (approvalsRequired < 1) {
            throw new IllegalArgumentException("approvals_required must be >= 1, was " + approvalsRequired);
        }
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
        if (run != null) {
            Names.requireRunId(run);
        }
    }

    /** The break-glass id: the key and subject of this event. */
    @Override
    @JsonIgnore
    public String runId() {
        return breakGlassId;
    }

    @Override
    public EventType type() {
        return EventType.BREAK_GLASS_RECORDED;
    }
}
