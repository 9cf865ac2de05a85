package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The one row of {@code trading_engine_config}. */
@ApplicationScoped
public class EngineConfigRepository {

    private static final String COLUMNS = "mode, kill_switch, max_daily_orders, max_order_quantity, strategy, "
            + "updated_at, updated_by";

    private final Pool pool;

    public EngineConfigRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<EngineConfigView>> find() {
        return pool.query("SELECT " + COLUMNS + " FROM trading_engine_config LIMIT 1").execute()
                .map(rows -> Rows.first(rows, EngineConfigRepository::view));
    }

    /** Replaces the settings; empty when there is no config row. */
    public Uni<Optional<EngineConfigView>> update(EngineConfigInput input) {
        return pool.preparedQuery("UPDATE trading_engine_config SET mode = $1, "
                        + "kill_switch = coalesce($2, kill_switch), max_daily_orders = $3, max_order_quantity = $4, "
                        + "strategy = $5, updated_at = now(), updated_by = $6 RETURNING " + COLUMNS)
                .execute(Tuple.from(java.util.Arrays.asList(input.mode(), input.killSwitch(),
                        input.maxDailyOrders().intValue(), input.maxOrderQuantity().intValue(), input.strategy(),
                        input.updatedBy())))
                .map(rows -> Rows.first(rows, EngineConfigRepository::view));
    }

    public Uni<Optional<EngineConfigView>> setKillSwitch(boolean active, String by) {
        return pool.preparedQuery("UPDATE trading_engine_config SET kill_switch = $1, updated_at = now(), "
                        + "updated_by = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(active, by))
                .map(rows -> Rows.first(rows, EngineConfigRepository::view));
    }

    static EngineConfigView view(Row row) {
        return new EngineConfigView(row.getString("mode"), row.getBoolean("kill_switch"),
                row.getInteger("max_daily_orders"), row.getInteger("max_order_quantity"), row.getString("strategy"),
                Rows.instant(row, "updated_at"), row.getString("updated_by"));
    }
}
