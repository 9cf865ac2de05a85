package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code sources}. */
public record Source(UUID id, UUID companyId, SourceKind kind, String url, boolean active, Instant createdAt) {

    public Source {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.required(kind, "kind");
        Checks.nonBlank(url, "url");
        Checks.required(createdAt, "createdAt");
    }
}
