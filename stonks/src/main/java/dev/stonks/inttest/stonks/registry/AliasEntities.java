package dev.stonks.inttest.stonks.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache repository of {@link AliasEntity}. */
@ApplicationScoped
public class AliasEntities implements PanacheRepositoryBase<AliasEntity, UUID> {
}
