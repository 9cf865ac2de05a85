package dev.stonks.inttest.stonks.query.events;

import java.time.Instant;
import java.util.UUID;

/** {@code GET /api/companies/{ticker}/macro-impacts}: an event's impact on the company, newest event first. */
public record MacroImpactView(UUID id, UUID eventId, String kind, String title, int severity, Instant occurredAt,
        double impactScore, String rationale) {
}
