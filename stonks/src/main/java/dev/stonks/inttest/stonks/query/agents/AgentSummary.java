package dev.stonks.inttest.stonks.query.agents;

import java.time.Instant;
import java.util.UUID;

/** An AI agent (role analyst|trader|risk) with its number of variants and its champion's name. */
public record AgentSummary(UUID id, String name, String role, String description, Instant createdAt, int variantCount,
        String champion) {
}
