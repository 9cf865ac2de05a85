package dev.stonks.inttest.stonks.query.ops;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read queries behind the ops endpoints: ingestion runs and sources. */
@ApplicationScoped
public class OpsRepository {

    /** Every source kind, in the order the summary lists them (kinds without sources still appear). */
    public static final List<String> SOURCE_KINDS = List.of("rss", "sec_filing", "news_api", "earnings_call");

    private static final String RUN_COLUMNS = "r.id, r.source_id, s.kind AS source_kind, s.company_id, c.ticker, "
            + "r.status, r.started_at, r.finished_at, r.documents_ingested, r.error";
    private static final String RUN_FROM = " FROM ingestion_runs r JOIN sources s ON s.id = r.source_id "
            + "JOIN companies c ON c.id = s.company_id ";

    private final Pool pool;

    public OpsRepository(Pool pool) {
        this.pool = pool;
    }

    /** The run that started last (ties: lowest id). */
    public Uni<Optional<IngestionRunView>> lastRun() {
        return pool.query("SELECT " + RUN_COLUMNS + RUN_FROM + "ORDER BY r.started_at DESC, r.id LIMIT 1")
                .execute()
                .map(rows -> Rows.first(rows, OpsRepository::run));
    }

    public Uni<List<IngestionKindSummary>> summaryByKind() {
        Uni<List<Row>> counts = pool.query("SELECT k.kind, "
                        + "count(DISTINCT s.id) AS sources, "
                        + "count(DISTINCT s.id) FILTER (WHERE s.active) AS active_sources, "
                        + "count(r.id) AS runs, "
                        + "count(r.id) FILTER (WHERE r.status = 'succeeded') AS succeeded, "
                        + "count(r.id) FILTER (WHERE r.status = 'failed') AS failed, "
                        + "count(r.id) FILTER (WHERE r.status = 'running') AS running, "
                        + "coalesce(sum(r.documents_ingested), 0) AS documents_ingested "
                        + "FROM unnest(ARRAY['rss', 'sec_filing', 'news_api', 'earnings_call']) "
                        + "WITH ORDINALITY AS k(kind, ord) "
                        + "LEFT JOIN sources s ON s.kind = k.kind "
                        + "LEFT JOIN ingestion_runs r ON r.source_id = s.id "
                        + "GROUP BY k.kind, k.ord ORDER BY k.ord")
                .execute()
                .map(rows -> Rows.list(rows, row -> row));
        Uni<Map<String, Long>> documents = pool.query("SELECT s.kind, count(*) AS documents FROM documents d "
                        + "JOIN sources s ON s.id = d.source_id GROUP BY s.kind")
                .execute()
                .map(rows -> {
                    Map<String, Long> byKind = new HashMap<>();
                    rows.forEach(row -> byKind.put(row.getString("kind"), row.getLong("documents")));
                    return byKind;
                });
        Uni<Map<String, IngestionRunView>> lastRuns = pool.query("SELECT DISTINCT ON (s.kind) " + RUN_COLUMNS
                        + RUN_FROM + "ORDER BY s.kind, r.started_at DESC, r.id")
                .execute()
                .map(rows -> {
                    Map<String, IngestionRunView> byKind = new HashMap<>();
                    rows.forEach(row -> byKind.put(row.getString("source_kind"), run(row)));
                    return byKind;
                });
        return Uni.combine().all().unis(counts, documents, lastRuns).with((c, d, l) -> c.stream()
                .map(row -> {
                    String kind = row.getString("kind");
                    return new IngestionKindSummary(kind, row.getLong("sources"), row.getLong("active_sources"),
                            row.getLong("runs"), row.getLong("succeeded"), row.getLong("failed"),
                            row.getLong("running"), row.getLong("documents_ingested"), d.getOrDefault(kind, 0L),
                            l.get(kind));
                })
                .toList());
    }

    static IngestionRunView run(Row row) {
        return new IngestionRunView(row.getUUID("id"), row.getUUID("source_id"), row.getString("source_kind"),
                row.getUUID("company_id"), row.getString("ticker"), row.getString("status"),
                Rows.instant(row, "started_at"), Rows.instant(row, "finished_at"),
                row.getInteger("documents_ingested"), row.getString("error"));
    }
}
