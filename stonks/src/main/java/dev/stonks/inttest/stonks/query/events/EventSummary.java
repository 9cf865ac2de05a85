package dev.stonks.inttest.stonks.query.events;

import java.time.Instant;
import java.util.UUID;

/** A global event: kind rate_decision|geopolitical|earnings_season|commodity, severity 1..5. */
public record EventSummary(UUID id, String kind, String title, String description, int severity, Instant occurredAt,
        int impactCount) {
}
