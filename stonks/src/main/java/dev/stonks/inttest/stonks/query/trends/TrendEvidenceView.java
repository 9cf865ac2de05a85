package dev.stonks.inttest.stonks.query.trends;

import java.time.Instant;
import java.util.UUID;

/** A document cited as evidence for a trend, with its weight in [0, 1]. */
public record TrendEvidenceView(UUID documentId, String title, Instant publishedAt, double weight) {
}
