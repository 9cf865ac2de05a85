package dev.stonks.inttest.stonks.dataset;

import java.util.UUID;

/** A row of {@code competitor_relationships}: {@code competitorId} competes with {@code companyId}. */
public record CompetitorRelationship(UUID id, UUID companyId, UUID competitorId, double strength) {

    public CompetitorRelationship {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.required(competitorId, "competitorId");
        if (companyId.equals(competitorId)) {
            throw new IllegalArgumentException("a company does not compete with itself: " + companyId);
        }
        Checks.between(strength, 0, 1, "strength");
    }
}
