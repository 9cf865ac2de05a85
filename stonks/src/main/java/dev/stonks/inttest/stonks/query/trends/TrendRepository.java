package dev.stonks.inttest.stonks.query.trends;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read queries on trend windows, their evidence and projections. */
@ApplicationScoped
public class TrendRepository {

    private static final String WINDOW_COLUMNS = "w.id, w.company_id, c.ticker, w.window_start, w.window_end, "
            + "w.trend_direction, w.confidence, w.summary, w.created_at";

    private final Pool pool;

    public TrendRepository(Pool pool) {
        this.pool = pool;
    }

    /** A company's windows, newest first. */
    public Uni<List<TrendWindowSummary>> ofCompany(UUID companyId) {
        return pool.preparedQuery("SELECT " + WINDOW_COLUMNS + ", "
                        + "(SELECT count(*) FROM trend_evidence e WHERE e.trend_window_id = w.id) AS evidence_count "
                        + "FROM trend_windows w JOIN companies c ON c.id = w.company_id "
                        + "WHERE w.company_id = $1 ORDER BY w.window_end DESC, w.id")
                .execute(Tuple.of(companyId))
                .map(rows -> Rows.list(rows, TrendRepository::summary));
    }

    private static TrendWindowSummary summary(Row row) {
        return new TrendWindowSummary(row.getUUID("id"), row.getUUID("company_id"), row.getString("ticker"),
                Rows.instant(row, "window_start"), Rows.instant(row, "window_end"), row.getString("trend_direction"),
                row.getDouble("confidence"), row.getString("summary"), Rows.instant(row, "created_at"),
                row.getInteger("evidence_count"));
    }

    /** Windows across companies, most confident first, optionally of one direction and above a confidence. */
    public Uni<List<TrendWindowSummary>> search(Optional<String> direction, double minConfidence, int limit) {
        return pool.preparedQuery("SELECT " + WINDOW_COLUMNS + ", "
                        + "(SELECT count(*) FROM trend_evidence e WHERE e.trend_window_id = w.id) AS evidence_count "
                        + "FROM trend_windows w JOIN companies c ON c.id = w.company_id "
                        + "WHERE ($1::text IS NULL OR w.trend_direction = $1) AND w.confidence >= $2 "
                        + "ORDER BY w.confidence DESC, w.window_end DESC, w.id LIMIT $3")
                .execute(Tuple.of(direction.orElse(null), minConfidence, limit))
                .map(rows -> Rows.list(rows, TrendRepository::summary));
    }

    public Uni<Optional<TrendDetail>> detail(UUID id) {
        Uni<Optional<Row>> window = pool.preparedQuery("SELECT " + WINDOW_COLUMNS
                        + " FROM trend_windows w JOIN companies c ON c.id = w.company_id WHERE w.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> row));
        Uni<List<TrendEvidenceView>> evidence = pool.preparedQuery("SELECT e.document_id, d.title, d.published_at, "
                        + "e.weight FROM trend_evidence e JOIN documents d ON d.id = e.document_id "
                        + "WHERE e.trend_window_id = $1 ORDER BY d.published_at, d.id")
                .execute(Tuple.of(id))
                .map(rows -> Rows.list(rows, row -> new TrendEvidenceView(row.getUUID("document_id"),
                        row.getString("title"), Rows.instant(row, "published_at"), row.getDouble("weight"))));
        Uni<List<TrendProjectionView>> projections = pool.preparedQuery("SELECT id, horizon_days, expected_return, "
                        + "low, high FROM trend_projections WHERE trend_window_id = $1 ORDER BY horizon_days")
                .execute(Tuple.of(id))
                .map(rows -> Rows.list(rows, row -> new TrendProjectionView(row.getUUID("id"),
                        row.getInteger("horizon_days"), row.getDouble("expected_return"), row.getDouble("low"),
                        row.getDouble("high"))));
        return Uni.combine().all().unis(window, evidence, projections)
                .with((w, e, p) -> w.map(row -> new TrendDetail(row.getUUID("id"), row.getUUID("company_id"),
                        row.getString("ticker"), Rows.instant(row, "window_start"), Rows.instant(row, "window_end"),
                        row.getString("trend_direction"), row.getDouble("confidence"), row.getString("summary"),
                        Rows.instant(row, "created_at"), e, p)));
    }
}
