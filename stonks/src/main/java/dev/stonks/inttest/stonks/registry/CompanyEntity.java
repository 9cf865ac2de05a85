package dev.stonks.inttest.stonks.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** {@code companies}, as the registry writes it (Hibernate Reactive). */
@Entity
@Table(name = "companies")
public class CompanyEntity {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String ticker;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String sector;
    @Column(nullable = false)
    private String exchange;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CompanyEntity() {
    }

    public CompanyEntity(UUID id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getTicker() {
        return ticker;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Sets the identity and listing (everything but the id and creation time). */
    public void apply(CompanyInput input) {
        this.ticker = input.ticker();
        this.name = input.name();
        this.sector = input.sector();
        this.exchange = input.exchange();
    }
}
