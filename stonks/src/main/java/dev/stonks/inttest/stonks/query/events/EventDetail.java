package dev.stonks.inttest.stonks.query.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/events/{id}}: the event and its macro impacts per company (by ticker). */
public record EventDetail(UUID id, String kind, String title, String description, int severity, Instant occurredAt,
        List<Impact> impacts) {

    /** How the event bears on one company, score -1..1. */
    public record Impact(UUID id, UUID companyId, String ticker, double impactScore, String rationale) {
    }
}
