package dev.stonks.inttest.stonks.registry;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registry's queries (reads in this cut; the CRUD writes come with the next). */
@ApplicationScoped
public class RegistryRepository {

    private static final String SELECT_WITH_ALIASES = "SELECT c.id, c.ticker, c.name, c.sector, c.exchange, "
            + "c.created_at, coalesce(json_agg(json_build_object('id', a.id, 'alias', a.alias) "
            + "ORDER BY a.alias COLLATE \"C\", a.id) FILTER (WHERE a.id IS NOT NULL), '[]'::json) AS aliases "
            + "FROM companies c LEFT JOIN company_aliases a ON a.company_id = c.id ";

    private final Pool pool;

    public RegistryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<RegistryCompany>> list() {
        return pool.query(SELECT_WITH_ALIASES + "GROUP BY c.id ORDER BY c.ticker COLLATE \"C\"")
                .execute()
                .map(rows -> Rows.list(rows, RegistryRepository::company));
    }

    public Uni<Optional<RegistryCompany>> find(UUID id) {
        return pool.preparedQuery(SELECT_WITH_ALIASES + "WHERE c.id = $1 GROUP BY c.id")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, RegistryRepository::company));
    }

    /** The company whose ticker is {@code symbol} (any case), else whose alias is (any case). */
    public Uni<Optional<ResolvedSymbol>> resolve(String symbol) {
        return pool.preparedQuery("SELECT id, matched_by FROM ("
                        + "SELECT c.id, 'ticker' AS matched_by, 0 AS priority FROM companies c "
                        + "WHERE c.ticker = upper($1) "
                        + "UNION ALL SELECT a.company_id, 'alias', 1 FROM company_aliases a "
                        + "WHERE lower(a.alias) = lower($1)) m ORDER BY priority LIMIT 1")
                .execute(Tuple.of(symbol))
                .flatMap(rows -> {
                    Optional<Row> match = Rows.first(rows, row -> row);
                    if (match.isEmpty()) {
                        return Uni.createFrom().item(Optional.<ResolvedSymbol>empty());
                    }
                    String matchedBy = match.get().getString("matched_by");
                    return find(match.get().getUUID("id"))
                            .map(company -> company.map(c -> new ResolvedSymbol(symbol, matchedBy, c)));
                });
    }

    private static RegistryCompany company(Row row) {
        JsonArray json = row.getJsonArray("aliases");
        List<RegistryCompany.Alias> aliases = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonObject alias = json.getJsonObject(i);
            aliases.add(new RegistryCompany.Alias(UUID.fromString(alias.getString("id")), alias.getString("alias")));
        }
        return new RegistryCompany(row.getUUID("id"), row.getString("ticker"), row.getString("name"),
                row.getString("sector"), row.getString("exchange"), Rows.instant(row, "created_at"),
                List.copyOf(aliases));
    }
}
