package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code companies}. */
public record Company(UUID id, String ticker, String name, String sector, String exchange, Instant createdAt) {

    public Company {
        Checks.required(id, "id");
        Checks.nonBlank(ticker, "ticker");
        Checks.nonBlank(name, "name");
        Checks.nonBlank(sector, "sector");
        Checks.nonBlank(exchange, "exchange");
        Checks.required(createdAt, "createdAt");
    }
}
