package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code global_events}: kind rate_decision|geopolitical|earnings_season|commodity, severity 1..5. */
public record GlobalEvent(UUID id, String kind, String title, String description, int severity,
        Instant occurredAt) {

    public GlobalEvent {
        Checks.required(id, "id");
        Checks.oneOf(kind, "kind", "rate_decision", "geopolitical", "earnings_season", "commodity");
        Checks.nonBlank(title, "title");
        Checks.required(description, "description");
        if (severity < 1 || severity > 5) {
            throw new IllegalArgumentException("severity must be 1..5: " + severity);
        }
        Checks.required(occurredAt, "occurredAt");
    }
}
