package dev.stonks.inttest.promoter.breakglass;

import dev.stonks.inttest.events.PromotionDecided;
import java.time.Instant;
import java.util.Objects;

/**
 * Permission to promote the market-gated stages while the market is open: who opened it, why, when, and until when.
 * It counts only before {@code expiresAt}.
 */
public record BreakGlass(String who, String why, Instant openedAt, Instant expiresAt) {
    public BreakGlass {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(openedAt, "opened_at");
        Objects.requireNonNull(expiresAt, "expires_at");
    }

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** As carried by a {@code promotion.decided} event it let through. */
    public PromotionDecided.BreakGlass toEvent() {
        return new PromotionDecided.BreakGlass(who, why, expiresAt);
    }
}
