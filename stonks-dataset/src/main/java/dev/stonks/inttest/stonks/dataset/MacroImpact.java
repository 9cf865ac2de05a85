package dev.stonks.inttest.stonks.dataset;

import java.util.UUID;

/** A row of {@code macro_impacts}: how a global event bears on a company, score -1..1 (3 decimals). */
public record MacroImpact(UUID id, UUID eventId, UUID companyId, double impactScore, String rationale) {

    public MacroImpact {
        Checks.required(id, "id");
        Checks.required(eventId, "eventId");
        Checks.required(companyId, "companyId");
        Checks.between(impactScore, -1, 1, "impactScore");
        Checks.required(rationale, "rationale");
    }
}
