package dev.stonks.inttest.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;

/**
 * What the promoter decided about promoting a verified build to one Kargo stage.
 *
 * @param runId         the run whose verdict the decision follows
 * @param imageTag      the build
 * @param stage         the Kargo stage: {@code beta}, {@code paper} or {@code live}
 * @param decision      one of {@link #DECISIONS}: {@code promoted} (a Promotion was created), {@code waiting} (blocked
 *                      for now, e.g. market hours; carried out when the window opens), {@code skipped} (the stage is
 *                      switched off, or the verdict was not a pass), {@code failed} (the promotion could not be made)
 * @param reason        why, in words a person can act on
 * @param promotionName the Kargo Promotion created, when there is one
 * @param breakGlass    the break-glass that let a live promotion through market hours, when one did
 * @param decidedAt     when
 * @param backend       where promotions go: {@value #BACKEND_KARGO} (Kargo Promotions in a cluster) or
 *                      {@value #BACKEND_LOCAL} (a local record of the environments: nothing is deployed); absent in
 *                      events of promoters that predate the field
 */
public record PromotionDecided(String runId, String imageTag, String stage, String decision, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String promotionName,
        @JsonInclude(JsonInclude.Include.NON_NULL) BreakGlass breakGlass, Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String backend) implements VerdictEvent {

    public static final String PROMOTED = "promoted";
    public static final String WAITING = "waiting";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final Set<String> DECISIONS = Set.of(PROMOTED, WAITING, SKIPPED, FAILED);
    public static final String BACKEND_KARGO = "kargo";
    public static final String BACKEND_LOCAL = "local";
    public static final Set<String> BACKENDS = Set.of(BACKEND_KARGO, BACKEND_LOCAL);

    public PromotionDecided {
        Names.requireRunId(runId);
        Names.requireImageTag(imageTag);
        Required.field(stage, "stage");
        Required.field(decision, "decision");
        if (!DECISIONS.contains(decision)) {
            throw new IllegalArgumentException("decision must be one of " + DECISIONS + ", was '" + decision + "'");
        }
        Required.field(reason, "reason");
        Required.field(decidedAt, "decided_at");
        if (backend != null && !BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("backend must be one of " + BACKENDS + ", was '" + backend + "'");
        }
    }

    /** A decision without the backend named (as before the field existed). */
    public PromotionDecided(String runId, String imageTag, String stage, String decision, String reason,
            String promotionName, BreakGlass breakGlass, Instant decidedAt) {
        this(runId, imageTag, stage, decision, reason, promotionName, breakGlass, decidedAt, null);
    }

    /** Who opened the way to live during market hours, why, and until when. */
    public record BreakGlass(String who, String why, Instant expiresAt) {
        public BreakGlass {
            Required.field(who, "who");
            Required.field(why, "why");
            Required.field(expiresAt, "expires_at");
        }
    }

    @Override
    public EventType type() {
        return EventType.PROMOTION_DECIDED;
    }
}
