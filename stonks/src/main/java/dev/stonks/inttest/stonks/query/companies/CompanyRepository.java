package dev.stonks.inttest.stonks.query.companies;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read queries on companies and their aliases. Orderings use the C collation so they never depend on locale. */
@ApplicationScoped
public class CompanyRepository {

    static final String COLUMNS = "id, ticker, name, sector, exchange, created_at";

    private final Pool pool;

    public CompanyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<CompanySummary>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM companies ORDER BY ticker COLLATE \"C\"")
                .execute()
                .map(rows -> Rows.list(rows, CompanyRepository::summary));
    }

    public Uni<Optional<CompanySummary>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM companies WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, CompanyRepository::summary));
    }

    public Uni<Optional<UUID>> idOfTicker(String ticker) {
        return pool.preparedQuery("SELECT id FROM companies WHERE ticker = $1")
                .execute(Tuple.of(ticker))
                .map(rows -> Rows.first(rows, row -> row.getUUID("id")));
    }

    public Uni<Boolean> exists(UUID id) {
        return pool.preparedQuery("SELECT 1 FROM companies WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() > 0);
    }

    public Uni<List<CompanyAlias>> aliases(UUID companyId) {
        return pool.preparedQuery("SELECT id, alias FROM company_aliases WHERE company_id = $1 "
                        + "ORDER BY alias COLLATE \"C\", id")
                .execute(Tuple.of(companyId))
                .map(rows -> Rows.list(rows, row -> new CompanyAlias(row.getUUID("id"), row.getString("alias"))));
    }

    public Uni<Optional<CompanyDetail>> detail(UUID id) {
        return Uni.combine().all().unis(find(id), aliases(id))
                .with((company, aliases) -> company.map(c -> CompanyDetail.of(c, aliases)));
    }

    /** Sources of a company, in kind order (rss, sec_filing, news_api, earnings_call). */
    public Uni<List<SourceView>> sources(UUID companyId) {
        return pool.preparedQuery("SELECT id, kind, url, active, created_at FROM sources WHERE company_id = $1 "
                        + "ORDER BY array_position(ARRAY['rss', 'sec_filing', 'news_api', 'earnings_call'], kind), "
                        + "url COLLATE \"C\", id")
                .execute(Tuple.of(companyId))
                .map(rows -> Rows.list(rows, row -> new SourceView(row.getUUID("id"), row.getString("kind"),
                        row.getString("url"), row.getBoolean("active"), Rows.instant(row, "created_at"))));
    }

    /** Companies this one competes with, strongest first (ties by ticker). */
    public Uni<List<CompetitorView>> competitors(UUID companyId) {
        return pool.preparedQuery("SELECT r.id, r.competitor_id, c.ticker, c.name, r.strength "
                        + "FROM competitor_relationships r JOIN companies c ON c.id = r.competitor_id "
                        + "WHERE r.company_id = $1 ORDER BY r.strength DESC, c.ticker COLLATE \"C\"")
                .execute(Tuple.of(companyId))
                .map(rows -> Rows.list(rows, row -> new CompetitorView(row.getUUID("id"),
                        row.getUUID("competitor_id"), row.getString("ticker"), row.getString("name"),
                        row.getDouble("strength"))));
    }

    /** A page of a company's documents, newest first (ties by id). */
    public Uni<List<DocumentSummary>> documents(UUID companyId, int limit, int offset) {
        return pool.preparedQuery("SELECT d.id, d.source_id, s.kind AS source_kind, d.title, d.published_at, "
                        + "d.sha256, d.word_count FROM documents d LEFT JOIN sources s ON s.id = d.source_id "
                        + "WHERE d.company_id = $1 ORDER BY d.published_at DESC, d.id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(companyId, limit, offset))
                .map(rows -> Rows.list(rows, row -> new DocumentSummary(row.getUUID("id"), row.getUUID("source_id"),
                        row.getString("source_kind"), row.getString("title"), Rows.instant(row, "published_at"),
                        row.getString("sha256"), row.getInteger("word_count"))));
    }

    /**
     * Companies whose ticker, alias or name contains {@code text} (any case), best match first: exact ticker,
     * exact alias, then prefix and substring matches; one row per company.
     */
    public Uni<List<SearchResult>> search(String text, int limit) {
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return pool.preparedQuery("SELECT DISTINCT ON (c.id) c.id, c.ticker, c.name, m.matched_by, m.matched, m.rank "
                        + "FROM companies c JOIN LATERAL ("
                        + "SELECT 'ticker' AS matched_by, c.ticker AS matched, "
                        + "CASE WHEN lower(c.ticker) = lower($1::text) THEN 0 ELSE 3 END AS rank "
                        + "WHERE lower(c.ticker) LIKE $2::text "
                        + "UNION ALL SELECT 'alias', a.alias, CASE WHEN lower(a.alias) = lower($1::text) THEN 1 ELSE 4 END "
                        + "FROM company_aliases a WHERE a.company_id = c.id AND lower(a.alias) LIKE $2::text "
                        + "UNION ALL SELECT 'name', c.name, CASE WHEN lower(c.name) = lower($1::text) THEN 2 ELSE 5 END "
                        + "WHERE lower(c.name) LIKE $2::text) m ON true "
                        + "ORDER BY c.id, m.rank, m.matched COLLATE \"C\"")
                .execute(Tuple.of(text, pattern))
                .map(rows -> {
                    List<Row> best = Rows.list(rows, row -> row);
                    return best.stream()
                            .sorted(java.util.Comparator.comparingInt((Row row) -> row.getInteger("rank"))
                                    .thenComparing(row -> row.getString("ticker")))
                            .limit(limit)
                            .map(row -> new SearchResult(row.getUUID("id"), row.getString("ticker"),
                                    row.getString("name"), row.getString("matched_by"), row.getString("matched")))
                            .toList();
                });
    }

    static CompanySummary summary(Row row) {
        return new CompanySummary(row.getUUID("id"), row.getString("ticker"), row.getString("name"),
                row.getString("sector"), row.getString("exchange"), Rows.instant(row, "created_at"));
    }
}
