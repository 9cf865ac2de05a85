package dev.stonks.inttest.stonks.query.agents;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read queries on AI agents, their variants and performance logs. */
@ApplicationScoped
public class AgentRepository {

    private final Pool pool;

    public AgentRepository(Pool pool) {
        this.pool = pool;
    }

    /** By name. */
    public Uni<List<AgentSummary>> list() {
        return pool.query("SELECT a.id, a.name, a.role, a.description, a.created_at, "
                        + "(SELECT count(*) FROM agent_variants v WHERE v.agent_id = a.id) AS variant_count, "
                        + "(SELECT v.name FROM agent_variants v WHERE v.agent_id = a.id AND v.champion) AS champion "
                        + "FROM ai_agents a ORDER BY a.name COLLATE \"C\"")
                .execute()
                .map(rows -> Rows.list(rows, row -> new AgentSummary(row.getUUID("id"), row.getString("name"),
                        row.getString("role"), row.getString("description"), Rows.instant(row, "created_at"),
                        row.getInteger("variant_count"), row.getString("champion"))));
    }

    public Uni<Optional<AgentDetail>> detail(UUID id) {
        Uni<Optional<Row>> agent = pool.preparedQuery("SELECT id, name, role, description, created_at FROM ai_agents "
                        + "WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> row));
        Uni<List<AgentDetail.Variant>> variants = pool.preparedQuery("SELECT id, name, model, prompt_version, "
                        + "champion, created_at FROM agent_variants WHERE agent_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(id))
                .map(rows -> Rows.list(rows, row -> new AgentDetail.Variant(row.getUUID("id"), row.getString("name"),
                        row.getString("model"), row.getString("prompt_version"), row.getBoolean("champion"),
                        Rows.instant(row, "created_at"))));
        return Uni.combine().all().unis(agent, variants).with((a, v) -> a.map(row -> new AgentDetail(
                row.getUUID("id"), row.getString("name"), row.getString("role"), row.getString("description"),
                Rows.instant(row, "created_at"), v)));
    }

    /** The newest day with a log of any of the agent's variants, if any. */
    public Uni<Optional<LocalDate>> lastLoggedDay(UUID agentId) {
        return pool.preparedQuery("SELECT max(l.day) AS day FROM agent_variants v "
                        + "CROSS JOIN LATERAL (SELECT day FROM agent_performance_logs l WHERE l.variant_id = v.id "
                        + "ORDER BY day DESC LIMIT 1) l WHERE v.agent_id = $1")
                .execute(Tuple.of(agentId))
                .map(rows -> Rows.first(rows, row -> row.getLocalDate("day")).filter(java.util.Objects::nonNull));
    }

    public Uni<AgentPerformance> performance(UUID agentId, LocalDate from, LocalDate to) {
        Uni<List<AgentPerformance.VariantTotals>> totals = pool.preparedQuery("SELECT v.id, v.name, v.champion, "
                        + "count(l.day) AS days, coalesce(sum(l.decisions), 0) AS decisions, "
                        + "round(avg(l.accuracy), 4) AS avg_accuracy, coalesce(sum(l.pnl), 0) AS total_pnl "
                        + "FROM agent_variants v LEFT JOIN agent_performance_logs l ON l.variant_id = v.id "
                        + "AND l.day BETWEEN $2 AND $3 WHERE v.agent_id = $1 "
                        + "GROUP BY v.id, v.name, v.champion, v.created_at ORDER BY v.created_at, v.id")
                .execute(Tuple.of(agentId, from, to))
                .map(rows -> Rows.list(rows, row -> new AgentPerformance.VariantTotals(row.getUUID("id"),
                        row.getString("name"), row.getBoolean("champion"), row.getInteger("days"),
                        row.getLong("decisions"), row.getBigDecimal("avg_accuracy"),
                        row.getBigDecimal("total_pnl"))));
        Uni<List<AgentPerformance.DailyLog>> logs = pool.preparedQuery("SELECT l.variant_id, v.name, l.day, "
                        + "l.decisions, l.accuracy, l.pnl, l.avg_latency_ms FROM agent_variants v "
                        + "JOIN agent_performance_logs l ON l.variant_id = v.id "
                        + "WHERE v.agent_id = $1 AND l.day BETWEEN $2 AND $3 ORDER BY l.day, v.name COLLATE \"C\"")
                .execute(Tuple.of(agentId, from, to))
                .map(rows -> Rows.list(rows, row -> new AgentPerformance.DailyLog(row.getUUID("variant_id"),
                        row.getString("name"), row.getLocalDate("day"), row.getInteger("decisions"),
                        row.getDouble("accuracy"), row.getBigDecimal("pnl"), row.getInteger("avg_latency_ms"))));
        return Uni.combine().all().unis(totals, logs)
                .with((t, l) -> new AgentPerformance(agentId, from, to, t, l));
    }
}
