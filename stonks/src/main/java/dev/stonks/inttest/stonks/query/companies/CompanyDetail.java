package dev.stonks.inttest.stonks.query.companies;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/companies/{id}}: the company and its aliases (ordered by alias, byte order). */
public record CompanyDetail(UUID id, String ticker, String name, String sector, String exchange, Instant createdAt,
        List<CompanyAlias> aliases) {

    public static CompanyDetail of(CompanySummary company, List<CompanyAlias> aliases) {
        return new CompanyDetail(company.id(), company.ticker(), company.name(), company.sector(), company.exchange(),
                company.createdAt(), List.copyOf(aliases));
    }
}
