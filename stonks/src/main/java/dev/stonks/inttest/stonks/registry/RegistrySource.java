package dev.stonks.inttest.stonks.registry;

import java.time.Instant;
import java.util.UUID;

/** An ingestion source of a company: kind rss|sec_filing|news_api|earnings_call. */
public record RegistrySource(UUID id, UUID companyId, String kind, String url, boolean active, Instant createdAt) {
}
