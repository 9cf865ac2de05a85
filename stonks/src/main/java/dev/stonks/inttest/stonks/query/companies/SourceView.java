package dev.stonks.inttest.stonks.query.companies;

import java.time.Instant;
import java.util.UUID;

/** A source documents are ingested from: kind rss|sec_filing|news_api|earnings_call. */
public record SourceView(UUID id, String kind, String url, boolean active, Instant createdAt) {
}
