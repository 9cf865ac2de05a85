package dev.stonks.inttest.stonks.risk;

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

/** The risk service's SQL: limits, the state an order is evaluated against, evaluations and approvals. */
@ApplicationScoped
public class RiskRepository {

    static final String LAST_CLOSE = "(SELECT close FROM price_bars x WHERE x.company_id = c.id "
            + "ORDER BY x.day DESC LIMIT 1)";
    static final String PORTFOLIO = "SELECT coalesce((SELECT cash FROM portfolio_snapshots ORDER BY taken_at DESC "
            + "LIMIT 1), 0) AS cash, coalesce((SELECT sum(round(p.quantity * coalesce(" + LAST_CLOSE.replace("c.id",
            "p.company_id") + ", p.avg_cost), 2)) FROM positions p), 0) AS positions_value";
    private static final String EVALUATION = "SELECT e.id, e.company_id, c.ticker, e.side, e.quantity, e.price, "
            + "e.notional, e.decision, e.reasons, e.evaluated_at, a.id AS approval_id, a.status AS approval_status "
            + "FROM risk_evaluations e JOIN companies c ON c.id = e.company_id "
            + "LEFT JOIN risk_approvals a ON a.evaluation_id = e.id ";
    private static final String APPROVAL = "SELECT a.id, a.evaluation_id, a.status, a.requested_at, a.decided_at, "
            + "a.decided_by, a.note, e.company_id, c.ticker, e.side, e.quantity, e.price, e.notional "
            + "FROM risk_approvals a JOIN risk_evaluations e ON e.id = a.evaluation_id "
            + "JOIN companies c ON c.id = e.company_id ";

    private final Pool pool;

    public RiskRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<RiskLimits> limits() {
        return pool.query("SELECT name, value, description, updated_at FROM risk_limits ORDER BY name COLLATE \"C\"")
                .execute()
                .map(rows -> RiskLimits.of(Rows.list(rows, row -> new RiskLimits.Limit(row.getString("name"),
                        row.getBigDecimal("value"), row.getString("description"), Rows.instant(row, "updated_at")))));
    }

    /** What an order of {@code companyId} is evaluated against; empty when the company does not exist. */
    public record OrderContext(String ticker, boolean killSwitch, int held, BigDecimal lastClose,
            BigDecimal totalValue) {
    }

    public Uni<Optional<OrderContext>> context(UUID companyId) {
        return pool.preparedQuery("WITH portfolio AS (" + PORTFOLIO + ") SELECT c.ticker, "
                        + "coalesce((SELECT kill_switch FROM trading_engine_config LIMIT 1), false) AS kill_switch, "
                        + "coalesce((SELECT quantity FROM positions p WHERE p.company_id = c.id), 0) AS held, "
                        + LAST_CLOSE + " AS last_close, (SELECT cash + positions_value FROM portfolio) AS total "
                        + "FROM companies c WHERE c.id = $1")
                .execute(Tuple.of(companyId))
                .map(rows -> Rows.first(rows, row -> new OrderContext(row.getString("ticker"),
                        row.getBoolean("kill_switch"), row.getInteger("held"), row.getBigDecimal("last_close"),
                        row.getBigDecimal("total"))));
    }

    /** Stores an evaluation, and a pending approval when it needs one; returns the evaluation's id. */
    public Uni<UUID> insert(UUID companyId, String side, int quantity, BigDecimal price, RiskRules.Outcome outcome) {
        UUID id = UUID.randomUUID();
        return pool.withTransaction(connection -> connection.preparedQuery("INSERT INTO risk_evaluations (id, "
                        + "company_id, side, quantity, price, notional, decision, reasons, evaluated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())")
                .execute(Tuple.from(List.of(id, companyId, side, quantity, price, outcome.notional(),
                        outcome.decision(), outcome.reasons().toArray(String[]::new))))
                .flatMap(ignored -> RiskRules.NEEDS_APPROVAL.equals(outcome.decision())
                        ? connection.preparedQuery("INSERT INTO risk_approvals (id, evaluation_id, status, "
                                + "requested_at) VALUES ($1, $2, 'pending', now())")
                        .execute(Tuple.of(UUID.randomUUID(), id)).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .replaceWith(id));
    }

    public Uni<Optional<EvaluationView>> evaluation(UUID id) {
        return pool.preparedQuery(EVALUATION + "WHERE e.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, RiskRepository::evaluation));
    }

    /** Newest first, optionally of one status. */
    public Uni<List<ApprovalView>> approvals(Optional<String> status, int limit) {
        return pool.preparedQuery(APPROVAL + "WHERE ($1::text IS NULL OR a.status = $1) "
                        + "ORDER BY a.requested_at DESC, a.id LIMIT $2")
                .execute(Tuple.of(status.orElse(null), limit))
                .map(rows -> Rows.list(rows, RiskRepository::approval));
    }

    public Uni<Optional<ApprovalView>> approval(UUID id) {
        return pool.preparedQuery(APPROVAL + "WHERE a.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, RiskRepository::approval));
    }

    /**
     * Decides a pending approval and moves its order (if one waits on it) from pending_approval to approved or
     * rejected, in one transaction. False when the approval was not pending.
     */
    public Uni<Boolean> decide(UUID id, boolean approve, ApprovalDecision decision) {
        return pool.withTransaction(connection -> connection.preparedQuery("UPDATE risk_approvals SET status = $2, "
                        + "decided_at = now(), decided_by = $3, note = $4 WHERE id = $1 AND status = 'pending' "
                        + "RETURNING evaluation_id")
                .execute(Tuple.of(id, approve ? "approved" : "rejected", decision.decidedBy(), decision.note()))
                .flatMap(rows -> {
                    Optional<UUID> evaluation = Rows.first(rows, row -> row.getUUID("evaluation_id"));
                    if (evaluation.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    return updateOrder(connection, evaluation.get(), approve).replaceWith(true);
                }));
    }

    private static Uni<Void> updateOrder(SqlConnection connection, UUID evaluationId, boolean approve) {
        return connection.preparedQuery("UPDATE orders SET status = $2 WHERE risk_evaluation_id = $1 "
                        + "AND status = 'pending_approval'")
                .execute(Tuple.of(evaluationId, approve ? "approved" : "rejected"))
                .replaceWithVoid();
    }

    /** Cash, positions value and every company's (or one's) exposure. */
    public Uni<Exposure> exposure(Optional<UUID> companyId, RiskLimits limits) {
        Uni<Row> totals = pool.query(PORTFOLIO).execute().map(rows -> rows.iterator().next());
        Uni<List<Row>> companies = pool.preparedQuery("SELECT c.id, c.ticker, coalesce(p.quantity, 0) AS quantity, "
                        + LAST_CLOSE + " AS last_close FROM companies c LEFT JOIN positions p ON p.company_id = c.id "
                        + "WHERE ($1::uuid IS NULL OR c.id = $1) ORDER BY c.ticker COLLATE \"C\"")
                .execute(Tuple.of(companyId.orElse(null)))
                .map(rows -> Rows.list(rows, row -> row));
        return Uni.combine().all().unis(totals, companies).with((t, list) -> {
            BigDecimal cash = t.getBigDecimal("cash");
            BigDecimal positions = t.getBigDecimal("positions_value");
            BigDecimal total = cash.add(positions);
            return new Exposure(cash, positions, total, limits.maxPositionNotional(), limits.maxConcentration(),
                    list.stream().map(row -> {
                        BigDecimal close = row.getBigDecimal("last_close");
                        int quantity = row.getInteger("quantity");
                        BigDecimal notional = close == null ? BigDecimal.ZERO.setScale(2)
                                : close.multiply(BigDecimal.valueOf(quantity)).setScale(2,
                                        java.math.RoundingMode.HALF_UP);
                        BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO
                                : notional.divide(total, 6, java.math.RoundingMode.HALF_UP);
                        return new Exposure.CompanyExposure(row.getUUID("id"), row.getString("ticker"), quantity,
                                close, notional, share, limits.maxPositionNotional().subtract(notional));
                    }).toList());
        });
    }

    public Uni<Boolean> companyExists(UUID id) {
        return pool.preparedQuery("SELECT 1 FROM companies WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() > 0);
    }

    static EvaluationView evaluation(Row row) {
        String[] reasons = row.getArrayOfStrings("reasons");
        return new EvaluationView(row.getUUID("id"), row.getUUID("company_id"), row.getString("ticker"),
                row.getString("side"), row.getInteger("quantity"), row.getBigDecimal("price"),
                row.getBigDecimal("notional"), row.getString("decision"),
                reasons == null ? List.of() : Arrays.asList(reasons), Rows.instant(row, "evaluated_at"),
                row.getUUID("approval_id"), row.getString("approval_status"));
    }

    static ApprovalView approval(Row row) {
        return new ApprovalView(row.getUUID("id"), row.getUUID("evaluation_id"), row.getString("status"),
                Rows.instant(row, "requested_at"), Rows.instant(row, "decided_at"), row.getString("decided_by"),
                row.getString("note"), row.getUUID("company_id"), row.getString("ticker"), row.getString("side"),
                row.getInteger("quantity"), row.getBigDecimal("price"), row.getBigDecimal("notional"));
    }
}
