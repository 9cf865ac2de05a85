package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code positions}: the paper portfolio's holding of one company (the net of its filled orders). */
public record Position(UUID id, UUID companyId, int quantity, double avgCost, Instant openedAt, Instant updatedAt) {

    public Position {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.atLeast(quantity, 0, "quantity");
        Checks.required(openedAt, "openedAt");
        Checks.required(updatedAt, "updatedAt");
    }
}
