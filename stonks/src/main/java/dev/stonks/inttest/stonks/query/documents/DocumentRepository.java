package dev.stonks.inttest.stonks.query.documents;

import dev.stonks.inttest.stonks.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read queries on documents and their intelligence records. */
@ApplicationScoped
public class DocumentRepository {

    private final Pool pool;

    public DocumentRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<DocumentDetail>> detail(UUID id) {
        Uni<Optional<Row>> document = pool.preparedQuery("SELECT d.id, d.company_id, c.ticker, d.source_id, "
                        + "s.kind AS source_kind, d.title, d.published_at, d.object_key, d.sha256, d.word_count "
                        + "FROM documents d JOIN companies c ON c.id = d.company_id "
                        + "LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> row));
        Uni<List<IntelligenceRecordView>> records = pool.preparedQuery("SELECT id, kind, score, summary, created_at "
                        + "FROM intelligence_records WHERE document_id = $1 "
                        + "ORDER BY array_position(ARRAY['sentiment', 'guidance', 'risk', 'product'], kind), id")
                .execute(Tuple.of(id))
                .map(rows -> Rows.list(rows, row -> new IntelligenceRecordView(row.getUUID("id"),
                        row.getString("kind"), row.getDouble("score"), row.getString("summary"),
                        Rows.instant(row, "created_at"))));
        return Uni.combine().all().unis(document, records)
                .with((d, r) -> d.map(row -> new DocumentDetail(row.getUUID("id"), row.getUUID("company_id"),
                        row.getString("ticker"), row.getUUID("source_id"), row.getString("source_kind"),
                        row.getString("title"), Rows.instant(row, "published_at"), row.getString("object_key"),
                        row.getString("sha256"), row.getInteger("word_count"), r)));
    }

    /** Where a document's text is, and its recorded checksum. */
    public record TextLocation(String objectKey, String sha256) {
    }

    public Uni<Optional<TextLocation>> textLocation(UUID id) {
        return pool.preparedQuery("SELECT object_key, sha256 FROM documents WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> new TextLocation(row.getString("object_key"),
                        row.getString("sha256"))));
    }
}
