package dev.stonks.inttest.stonks.portfolio;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The paper portfolio: positions valued at the last close, and the daily snapshots. Shared by query-api and trading. */
@ApplicationScoped
public class PositionRepository {

    /** Positions with their company's newest bar (an index-only walk back on price_bars' primary key). */
    static final String VALUED = "SELECT p.id, p.company_id, c.ticker, p.quantity, p.avg_cost, b.close, b.day, "
            + "round(p.quantity * b.close, 2) AS market_value, "
            + "round(p.quantity * (b.close - p.avg_cost), 2) AS unrealized_pnl, p.opened_at, p.updated_at "
            + "FROM positions p JOIN companies c ON c.id = p.company_id "
            + "LEFT JOIN LATERAL (SELECT close, day FROM price_bars x WHERE x.company_id = p.company_id "
            + "ORDER BY x.day DESC LIMIT 1) b ON true ";

    private final Pool pool;

    public PositionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every position (or one company's), by ticker. */
    public Uni<List<PositionView>> positions(Optional<UUID> companyId) {
        return pool.preparedQuery(VALUED + "WHERE ($1::uuid IS NULL OR p.company_id = $1) "
                        + "ORDER BY c.ticker COLLATE \"C\"")
                .execute(Tuple.of(companyId.orElse(null)))
                .map(rows -> Rows.list(rows, PositionRepository::position));
    }

    /** Newest first. */
    public Uni<List<SnapshotView>> snapshots(int limit) {
        return pool.preparedQuery("SELECT id, taken_at, cash, positions_value, total_value FROM portfolio_snapshots "
                        + "ORDER BY taken_at DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> Rows.list(rows, row -> new SnapshotView(row.getUUID("id"), Rows.instant(row, "taken_at"),
                        row.getBigDecimal("cash"), row.getBigDecimal("positions_value"),
                        row.getBigDecimal("total_value"))));
    }

    static PositionView position(Row row) {
        return new PositionView(row.getUUID("id"), row.getUUID("company_id"), row.getString("ticker"),
                row.getInteger("quantity"), row.getBigDecimal("avg_cost"), row.getBigDecimal("close"),
                row.getLocalDate("day"), row.getBigDecimal("market_value"), row.getBigDecimal("unrealized_pnl"),
                Rows.instant(row, "opened_at"), Rows.instant(row, "updated_at"));
    }
}
