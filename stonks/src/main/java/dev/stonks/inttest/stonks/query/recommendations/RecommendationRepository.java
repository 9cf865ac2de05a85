package dev.stonks.inttest.stonks.query.recommendations;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read queries on recommendations and their citations. */
@ApplicationScoped
public class RecommendationRepository {

    private static final String COLUMNS = "r.id, r.company_id, c.ticker, r.trend_window_id, r.action, r.conviction, "
            + "r.target_price, r.rationale, r.status, r.created_at, r.closed_at";
    private static final String FROM = " FROM recommendations r JOIN companies c ON c.id = r.company_id ";
    private static final String CITATION_COUNT = "(SELECT count(*) FROM recommendation_citations x "
            + "WHERE x.recommendation_id = r.id) AS citation_count";

    private final Pool pool;

    public RecommendationRepository(Pool pool) {
        this.pool = pool;
    }

    /** Newest first (ties by id), optionally of one status. */
    public Uni<List<RecommendationSummary>> list(Optional<String> status, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + ", " + CITATION_COUNT + FROM
                        + "WHERE ($1::text IS NULL OR r.status = $1) ORDER BY r.created_at DESC, r.id LIMIT $2")
                .execute(Tuple.of(status.orElse(null), limit))
                .map(rows -> Rows.list(rows, RecommendationRepository::summary));
    }

    /** A company's recommendations, newest first. */
    public Uni<List<RecommendationSummary>> ofCompany(UUID companyId) {
        return pool.preparedQuery("SELECT " + COLUMNS + ", " + CITATION_COUNT + FROM
                        + "WHERE r.company_id = $1 ORDER BY r.created_at DESC, r.id")
                .execute(Tuple.of(companyId))
                .map(rows -> Rows.list(rows, RecommendationRepository::summary));
    }

    public Uni<Optional<RecommendationDetail>> detail(UUID id) {
        Uni<Optional<Row>> recommendation = pool.preparedQuery("SELECT " + COLUMNS + FROM + "WHERE r.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> row));
        Uni<List<RecommendationDetail.Citation>> citations = pool.preparedQuery("SELECT x.id, x.document_id, "
                        + "d.title, d.published_at, x.quote FROM recommendation_citations x "
                        + "JOIN documents d ON d.id = x.document_id WHERE x.recommendation_id = $1 "
                        + "ORDER BY d.published_at, x.id")
                .execute(Tuple.of(id))
                .map(rows -> Rows.list(rows, row -> new RecommendationDetail.Citation(row.getUUID("id"),
                        row.getUUID("document_id"), row.getString("title"), Rows.instant(row, "published_at"),
                        row.getString("quote"))));
        return Uni.combine().all().unis(recommendation, citations)
                .with((r, c) -> r.map(row -> new RecommendationDetail(row.getUUID("id"), row.getUUID("company_id"),
                        row.getString("ticker"), row.getUUID("trend_window_id"), row.getString("action"),
                        row.getDouble("conviction"), row.getDouble("target_price"), row.getString("rationale"),
                        row.getString("status"), Rows.instant(row, "created_at"), Rows.instant(row, "closed_at"), c)));
    }

    private static RecommendationSummary summary(Row row) {
        return new RecommendationSummary(row.getUUID("id"), row.getUUID("company_id"), row.getString("ticker"),
                row.getUUID("trend_window_id"), row.getString("action"), row.getDouble("conviction"),
                row.getDouble("target_price"), row.getString("rationale"), row.getString("status"),
                Rows.instant(row, "created_at"), Rows.instant(row, "closed_at"), row.getInteger("citation_count"));
    }
}
