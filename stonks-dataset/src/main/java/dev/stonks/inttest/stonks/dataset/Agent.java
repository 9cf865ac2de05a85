package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code ai_agents}: role analyst|trader|risk. */
public record Agent(UUID id, String name, String role, String description, Instant createdAt) {

    public Agent {
        Checks.required(id, "id");
        Checks.nonBlank(name, "name");
        Checks.oneOf(role, "role", "analyst", "trader", "risk");
        Checks.required(description, "description");
        Checks.required(createdAt, "createdAt");
    }
}
