package dev.stonks.inttest.stonks.query.events;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read queries on global events and their macro impacts. */
@ApplicationScoped
public class EventRepository {

    private final Pool pool;

    public EventRepository(Pool pool) {
        this.pool = pool;
    }

    /** Newest first, optionally of one kind and at least a severity. */
    public Uni<List<EventSummary>> list(Optional<String> kind, int minSeverity, int limit) {
        return pool.preparedQuery("SELECT e.id, e.kind, e.title, e.description, e.severity, e.occurred_at, "
                        + "(SELECT count(*) FROM macro_impacts i WHERE i.event_id = e.id) AS impact_count "
                        + "FROM global_events e WHERE ($1::text IS NULL OR e.kind = $1) AND e.severity >= $2 "
                        + "ORDER BY e.occurred_at DESC, e.id LIMIT $3")
                .execute(Tuple.of(kind.orElse(null), minSeverity, limit))
                .map(rows -> Rows.list(rows, row -> new EventSummary(row.getUUID("id"), row.getString("kind"),
                        row.getString("title"), row.getString("description"), row.getInteger("severity"),
                        Rows.instant(row, "occurred_at"), row.getInteger("impact_count"))));
    }

    public Uni<Optional<EventDetail>> detail(UUID id) {
        Uni<Optional<Row>> event = pool.preparedQuery("SELECT id, kind, title, description, severity, occurred_at "
                        + "FROM global_events WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> row));
        Uni<List<EventDetail.Impact>> impacts = pool.preparedQuery("SELECT i.id, i.company_id, c.ticker, "
                        + "i.impact_score, i.rationale FROM macro_impacts i JOIN companies c ON c.id = i.company_id "
                        + "WHERE i.event_id = $1 ORDER BY c.ticker COLLATE \"C\"")
                .execute(Tuple.of(id))
                .map(rows -> Rows.list(rows, row -> new EventDetail.Impact(row.getUUID("id"),
                        row.getUUID("company_id"), row.getString("ticker"), row.getDouble("impact_score"),
                        row.getString("rationale"))));
        return Uni.combine().all().unis(event, impacts).with((e, i) -> e.map(row -> new EventDetail(
                row.getUUID("id"), row.getString("kind"), row.getString("title"), row.getString("description"),
                row.getInteger("severity"), Rows.instant(row, "occurred_at"), i)));
    }

    /** Impacts on one company, newest event first. */
    public Uni<List<MacroImpactView>> impactsOn(UUID companyId) {
        return pool.preparedQuery("SELECT i.id, i.event_id, e.kind, e.title, e.severity, e.occurred_at, "
                        + "i.impact_score, i.rationale FROM macro_impacts i JOIN global_events e ON e.id = i.event_id "
                        + "WHERE i.company_id = $1 ORDER BY e.occurred_at DESC, e.id")
                .execute(Tuple.of(companyId))
                .map(rows -> Rows.list(rows, row -> new MacroImpactView(row.getUUID("id"), row.getUUID("event_id"),
                        row.getString("kind"), row.getString("title"), row.getInteger("severity"),
                        Rows.instant(row, "occurred_at"), row.getDouble("impact_score"),
                        row.getString("rationale"))));
    }
}
