package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The trading service's SQL: decisions, orders and the position a fill changes. */
@ApplicationScoped
public class TradingRepository {

    private static final String DECISION = "SELECT d.id, d.company_id, c.ticker, d.agent_variant_id, "
            + "d.recommendation_id, d.order_id, o.status AS order_status, d.action, d.reason, d.decided_at, "
            + "d.audit_object_key FROM trading_decisions d JOIN companies c ON c.id = d.company_id "
            + "LEFT JOIN orders o ON o.id = d.order_id ";
    private static final String ORDER = "SELECT o.id, o.company_id, c.ticker, o.side, o.quantity, o.order_type, "
            + "o.limit_price, o.status, o.mode, o.fill_price, o.filled_at, o.risk_evaluation_id, o.recommendation_id, "
            + "o.client_order_id, o.created_at FROM orders o JOIN companies c ON c.id = o.company_id ";

    private final Pool pool;

    public TradingRepository(Pool pool) {
        this.pool = pool;
    }

    /** Newest first, optionally of one company. */
    public Uni<List<DecisionView>> decisions(Optional<UUID> companyId, int limit) {
        return pool.preparedQuery(DECISION + "WHERE ($1::uuid IS NULL OR d.company_id = $1) "
                        + "ORDER BY d.decided_at DESC, d.id LIMIT $2")
                .execute(Tuple.of(companyId.orElse(null), limit))
                .map(rows -> Rows.list(rows, TradingRepository::decision));
    }

    public Uni<Optional<DecisionView>> decision(UUID id) {
        return pool.preparedQuery(DECISION + "WHERE d.id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, TradingRepository::decision));
    }

    /** Newest first, optionally of one status and one company. */
    public Uni<List<OrderView>> orders(Optional<String> status, Optional<UUID> companyId, int limit) {
        return pool.preparedQuery(ORDER + "WHERE ($1::text IS NULL OR o.status = $1) "
                        + "AND ($2::uuid IS NULL OR o.company_id = $2) ORDER BY o.created_at DESC, o.id LIMIT $3")
                .execute(Tuple.of(status.orElse(null), companyId.orElse(null), limit))
                .map(rows -> Rows.list(rows, TradingRepository::order));
    }

    public Uni<Optional<OrderView>> order(UUID id) {
        return pool.preparedQuery(ORDER + "WHERE o.id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, TradingRepository::order));
    }

    /** What placing an order checks first. */
    public record Preconditions(boolean companyExists, boolean duplicateClientOrderId, boolean recommendationExists) {
    }

    public Uni<Preconditions> preconditions(UUID companyId, String clientOrderId, UUID recommendationId) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM companies WHERE id = $1) AS company, "
                        + "EXISTS (SELECT 1 FROM orders WHERE client_order_id = $2) AS duplicate, "
                        + "($3::uuid IS NULL OR EXISTS (SELECT 1 FROM recommendations WHERE id = $3)) AS recommendation")
                .execute(Tuple.of(companyId, clientOrderId, recommendationId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Preconditions(row.getBoolean("company"), row.getBoolean("duplicate"),
                            row.getBoolean("recommendation"));
                });
    }

    /**
     * Stores a paper order with the status risk's decision gives it (approve: filled at the evaluated price, and the
     * position moves; needs_approval: pending_approval; reject: rejected), in one transaction. Returns its id.
     */
    public Uni<UUID> place(OrderRequest.Valid order, RiskClient.Evaluation risk) {
        UUID id = UUID.randomUUID();
        String status = switch (risk.decision()) {
            case "approve" -> "filled";
            case "needs_approval" -> "pending_approval";
            default -> "rejected";
        };
        boolean filled = status.equals("filled");
        return pool.withTransaction(connection -> connection.preparedQuery("INSERT INTO orders (id, company_id, side, "
                        + "quantity, order_type, limit_price, status, mode, fill_price, filled_at, risk_evaluation_id, "
                        + "recommendation_id, client_order_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'paper', "
                        + "$8, CASE WHEN $8::numeric IS NULL THEN NULL ELSE now() END, $9, $10, $11, now())")
                .execute(Tuple.from(Arrays.asList(id, order.companyId(), order.side(), order.quantity(),
                        order.orderType(), order.limitPrice(), status, filled ? risk.price() : null, risk.id(),
                        order.recommendationId(), order.clientOrderId())))
                .flatMap(ignored -> filled ? move(connection, order, risk.price()) : Uni.createFrom().voidItem())
                .replaceWith(id));
    }

    private static Uni<Void> move(SqlConnection connection, OrderRequest.Valid order, BigDecimal price) {
        if (order.side().equals("buy")) {
            return connection.preparedQuery("INSERT INTO positions AS p (id, company_id, quantity, avg_cost, "
                            + "opened_at, updated_at) VALUES ($1, $2, $3, $4, now(), now()) "
                            + "ON CONFLICT (company_id) DO UPDATE SET "
                            + "avg_cost = round((p.avg_cost * p.quantity + EXCLUDED.avg_cost * EXCLUDED.quantity) "
                            + "/ (p.quantity + EXCLUDED.quantity), 4), quantity = p.quantity + EXCLUDED.quantity, "
                            + "opened_at = CASE WHEN p.quantity = 0 THEN now() ELSE p.opened_at END, updated_at = now()")
                    .execute(Tuple.of(UUID.randomUUID(), order.companyId(), order.quantity(), price))
                    .replaceWithVoid();
        }
        return connection.preparedQuery("UPDATE positions SET quantity = quantity - $2, avg_cost = CASE WHEN "
                        + "quantity - $2 = 0 THEN 0 ELSE avg_cost END, updated_at = now() WHERE company_id = $1")
                .execute(Tuple.of(order.companyId(), order.quantity()))
                .replaceWithVoid();
    }

    static DecisionView decision(Row row) {
        return new DecisionView(row.getUUID("id"), row.getUUID("company_id"), row.getString("ticker"),
                row.getUUID("agent_variant_id"), row.getUUID("recommendation_id"), row.getUUID("order_id"),
                row.getString("order_status"), row.getString("action"), row.getString("reason"),
                Rows.instant(row, "decided_at"), row.getString("audit_object_key"));
    }

    static OrderView order(Row row) {
        return new OrderView(row.getUUID("id"), row.getUUID("company_id"), row.getString("ticker"),
                row.getString("side"), row.getInteger("quantity"), row.getString("order_type"),
                row.getBigDecimal("limit_price"), row.getString("status"), row.getString("mode"),
                row.getBigDecimal("fill_price"), Rows.instant(row, "filled_at"), row.getUUID("risk_evaluation_id"),
                row.getUUID("recommendation_id"), row.getString("client_order_id"), Rows.instant(row, "created_at"));
    }
}
