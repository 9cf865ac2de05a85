package dev.stonks.inttest.stonks.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A company as the symbol registry holds it: identity, listing and every alias. */
public record RegistryCompany(UUID id, String ticker, String name, String sector, String exchange, Instant createdAt,
        List<Alias> aliases) {

    public record Alias(UUID id, String alias) {
    }
}
