package dev.stonks.inttest.stonks.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** {@code company_aliases}, as the registry writes it. */
@Entity
@Table(name = "company_aliases")
public class AliasEntity {

    @Id
    private UUID id;
    @Column(name = "company_id", nullable = false)
    private UUID companyId;
    @Column(nullable = false)
    private String alias;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AliasEntity() {
    }

    public AliasEntity(UUID id, UUID companyId, String alias, Instant createdAt) {
        this.id = id;
        this.companyId = companyId;
        this.alias = alias;
        this.createdAt = createdAt;
    }

    public RegistryAlias view() {
        return new RegistryAlias(id, companyId, alias, createdAt);
    }
}
