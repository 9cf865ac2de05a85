package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code agent_variants}: a model and prompt version of an agent; one champion per agent. */
public record AgentVariant(UUID id, UUID agentId, String name, String model, String promptVersion, boolean champion,
        Instant createdAt) {

    public AgentVariant {
        Checks.required(id, "id");
        Checks.required(agentId, "agentId");
        Checks.nonBlank(name, "name");
        Checks.nonBlank(model, "model");
        Checks.nonBlank(promptVersion, "promptVersion");
        Checks.required(createdAt, "createdAt");
    }
}
