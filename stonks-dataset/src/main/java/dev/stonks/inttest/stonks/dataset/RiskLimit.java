package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code risk_limits}: a named limit ({@link StonksDataset#RISK_LIMIT_NAMES}) and its value. */
public record RiskLimit(UUID id, String name, double value, String description, Instant updatedAt) {

    public RiskLimit {
        Checks.required(id, "id");
        Checks.nonBlank(name, "name");
        Checks.required(description, "description");
        Checks.required(updatedAt, "updatedAt");
    }
}
