package dev.stonks.inttest.stonks.query.agents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/agents/{id}}: the agent and its variants (by name). */
public record AgentDetail(UUID id, String name, String role, String description, Instant createdAt,
        List<Variant> variants) {

    public record Variant(UUID id, String name, String model, String promptVersion, boolean champion,
            Instant createdAt) {
    }
}
