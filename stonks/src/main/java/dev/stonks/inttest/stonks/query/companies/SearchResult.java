package dev.stonks.inttest.stonks.query.companies;

import java.util.UUID;

/** A company matched by {@code GET /api/search?q}: {@code matchedBy} is ticker, alias or name. */
public record SearchResult(UUID id, String ticker, String name, String matchedBy, String matched) {
}
