package dev.stonks.inttest.stonks.query.companies;

import java.time.Instant;
import java.util.UUID;

/** A company in lists. */
public record CompanySummary(UUID id, String ticker, String name, String sector, String exchange,
        Instant createdAt) {
}
