package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code company_aliases}. */
public record CompanyAlias(UUID id, UUID companyId, String alias, Instant createdAt) {

    public CompanyAlias {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.nonBlank(alias, "alias");
        Checks.required(createdAt, "createdAt");
    }
}
