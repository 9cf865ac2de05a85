package dev.stonks.inttest.stonks.registry;

import java.time.Instant;
import java.util.UUID;

/** An alias of a company (unique across companies, ignoring case). */
public record RegistryAlias(UUID id, UUID companyId, String alias, Instant createdAt) {
}
