package dev.stonks.inttest.stonks.query.companies;

import java.util.UUID;

/** Another name a company is known by. */
public record CompanyAlias(UUID id, String alias) {
}
