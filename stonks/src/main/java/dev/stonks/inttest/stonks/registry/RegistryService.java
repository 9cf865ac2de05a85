package dev.stonks.inttest.stonks.registry;

import dev.stonks.inttest.stonks.web.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The registry's writes, each one transaction through Hibernate Reactive (Panache repositories). Conflicts are
 * checked first so the caller gets a precise 409; the database's unique constraints still decide a race (the
 * constraint violation is a 409 too, see {@code SqlErrors}).
 */
@ApplicationScoped
public class RegistryService {

    private final CompanyEntities companies;
    private final AliasEntities aliases;
    private final SourceEntities sources;
    private final Pool pool;

    public RegistryService(CompanyEntities companies, AliasEntities aliases, SourceEntities sources, Pool pool) {
        this.companies = companies;
        this.aliases = aliases;
        this.sources = sources;
        this.pool = pool;
    }

    /** Registers a company and its aliases; returns its new id. */
    @WithTransaction
    public Uni<UUID> create(CompanyInput input) {
        return tickerFree(input.ticker(), null)
                .flatMap(ignored -> aliasesFree(input.aliases()))
                .flatMap(ignored -> {
                    Instant now = now();
                    CompanyEntity company = new CompanyEntity(UUID.randomUUID(), now);
                    company.apply(input);
                    return companies.persist(company).flatMap(saved -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (String alias : input.aliases()) {
                            chain = chain.flatMap(x -> aliases.persist(new AliasEntity(UUID.randomUUID(),
                                    saved.getId(), alias, now)).replaceWithVoid());
                        }
                        return chain.replaceWith(saved.getId());
                    });
                });
    }

    /** Replaces ticker, name, sector and exchange (aliases are managed on their own). */
    @WithTransaction
    public Uni<Void> update(UUID id, CompanyInput input) {
        return companies.findById(id)
                .map(found -> {
                    if (found == null) {
                        throw companyNotFound(id);
                    }
                    return found;
                })
                .flatMap(company -> tickerFree(input.ticker(), id).invoke(() -> company.apply(input)))
                .replaceWithVoid();
    }

    /** Deletes a company without trading history (its aliases, sources and documents go with it). */
    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return companies.findById(id)
                .flatMap(company -> {
                    if (company == null) {
                        throw companyNotFound(id);
                    }
                    return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM orders WHERE company_id = $1) "
                                    + "OR EXISTS (SELECT 1 FROM positions WHERE company_id = $1) "
                                    + "OR EXISTS (SELECT 1 FROM risk_evaluations WHERE company_id = $1) "
                                    + "OR EXISTS (SELECT 1 FROM trading_decisions WHERE company_id = $1) AS traded")
                            .execute(Tuple.of(id))
                            .flatMap(rows -> {
                                if (rows.iterator().next().getBoolean("traded")) {
                                    throw ApiException.conflict("company " + id + " (" + company.getTicker()
                                            + ") has trading history (orders, positions, risk evaluations or "
                                            + "decisions) and cannot be deleted");
                                }
                                return companies.delete(company);
                            });
                });
    }

    @WithSession
    public Uni<List<RegistryAlias>> aliasesOf(UUID companyId) {
        return existing(companyId).flatMap(ignored -> aliases.find("companyId", companyId).list())
                .map(list -> list.stream().map(AliasEntity::view)
                        .sorted(java.util.Comparator.comparing(RegistryAlias::alias)).toList());
    }

    @WithTransaction
    public Uni<RegistryAlias> addAlias(UUID companyId, String alias) {
        return existing(companyId)
                .flatMap(ignored -> aliasesFree(List.of(alias)))
                .flatMap(ignored -> aliases.persist(new AliasEntity(UUID.randomUUID(), companyId, alias, now())))
                .map(AliasEntity::view);
    }

    @WithTransaction
    public Uni<Void> deleteAlias(UUID id) {
        return aliases.deleteById(id).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("alias " + id + " does not exist");
            }
            return null;
        });
    }

    @WithTransaction
    public Uni<RegistrySource> addSource(UUID companyId, SourceInput input) {
        return existing(companyId)
                .flatMap(ignored -> sources.count("companyId = ?1 and kind = ?2 and url = ?3", companyId,
                        input.kind(), input.url()))
                .flatMap(count -> {
                    if (count > 0) {
                        throw ApiException.conflict("company " + companyId + " already has the " + input.kind()
                                + " source " + input.url());
                    }
                    return sources.persist(new SourceEntity(UUID.randomUUID(), companyId, input.kind(), input.url(),
                            input.active(), now()));
                })
                .map(SourceEntity::view);
    }

    /** Activates or deactivates a source. */
    @WithTransaction
    public Uni<RegistrySource> setActive(UUID sourceId, boolean active) {
        return sources.findById(sourceId).map(source -> {
            if (source == null) {
                throw ApiException.notFound("source " + sourceId + " does not exist");
            }
            source.setActive(active);
            return source.view();
        });
    }

    private Uni<CompanyEntity> existing(UUID companyId) {
        return companies.findById(companyId).map(found -> {
            if (found == null) {
                throw companyNotFound(companyId);
            }
            return found;
        });
    }

    private Uni<Void> tickerFree(String ticker, UUID except) {
        return companies.find("ticker", ticker).firstResult().map(owner -> {
            if (owner != null && !owner.getId().equals(except)) {
                throw ApiException.conflict("ticker '" + ticker + "' is already registered to company "
                        + owner.getId());
            }
            return null;
        });
    }

    private Uni<Void> aliasesFree(List<String> wanted) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> lower = wanted.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        return aliases.count("lower(alias) in ?1", lower).map(count -> {
            if (count > 0) {
                throw ApiException.conflict("alias " + String.join(", ", wanted) + " is already taken (aliases are "
                        + "unique across companies, ignoring case)");
            }
            return null;
        });
    }

    static ApiException companyNotFound(UUID id) {
        return ApiException.notFound("company " + id + " does not exist");
    }

    /** Microsecond precision, as PostgreSQL stores it, so what is returned is what is read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
