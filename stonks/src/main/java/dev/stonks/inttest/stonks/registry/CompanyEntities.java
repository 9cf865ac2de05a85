package dev.stonks.inttest.stonks.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache repository of {@link CompanyEntity}. */
@ApplicationScoped
public class CompanyEntities implements PanacheRepositoryBase<CompanyEntity, UUID> {
}
