package dev.stonks.inttest.stonks.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** {@code sources}, as the registry writes it. */
@Entity
@Table(name = "sources")
public class SourceEntity {

    @Id
    private UUID id;
    @Column(name = "company_id", nullable = false)
    private UUID companyId;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String url;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SourceEntity() {
    }

    public SourceEntity(UUID id, UUID companyId, String kind, String url, boolean active, Instant createdAt) {
        this.id = id;
        this.companyId = companyId;
        this.kind = kind;
        this.url = url;
        this.active = active;
        this.createdAt = createdAt;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public RegistrySource view() {
        return new RegistrySource(id, companyId, kind, url, active, createdAt);
    }
}
