package dev.stonks.inttest.stonks.dataset.seed;

import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.CompanyAlias;
import dev.stonks.inttest.stonks.dataset.CompetitorRelationship;
import dev.stonks.inttest.stonks.dataset.Document;
import dev.stonks.inttest.stonks.dataset.IngestionRun;
import dev.stonks.inttest.stonks.dataset.IntelligenceRecord;
import dev.stonks.inttest.stonks.dataset.Source;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.TrendEvidence;
import dev.stonks.inttest.stonks.dataset.TrendProjection;
import dev.stonks.inttest.stonks.dataset.TrendWindow;
import dev.stonks.inttest.stonks.dataset.store.ObjectStore;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a {@link StonksDataset} into a migrated stonks database (see {@code infra/migrations}) and its document
 * texts into the object store.
 *
 * <p>Fast: every table goes in with one {@code COPY} into a temporary staging table and one
 * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}; objects are written by a few threads while the database
 * works. Atomic: one transaction, committed only after every object was written. Idempotent: rows already
 * present (same id, ticker, alias, ...) are skipped, so seeding a seeded database inserts nothing, and seeding a
 * larger scale over a smaller one adds only the difference. Concurrent seeders serialize on an advisory lock.
 *
 * <p>Migrations are not applied here. The seeder commits on the connection it is given and restores its
 * auto-commit mode afterwards.
 */
public final class StonksSeeder {

    /** Key of the transaction-scoped advisory lock that serializes seeders of one database. */
    public static final long ADVISORY_LOCK_KEY = 0x5354_4f4e_4b53_0001L;

    private static final System.Logger LOG = System.getLogger(StonksSeeder.class.getName());

    private final StonksDataset dataset;
    private final int objectWriters;

    public StonksSeeder(StonksDataset dataset) {
        this(dataset, 8);
    }

    public StonksSeeder(StonksDataset dataset, int objectWriters) {
        if (objectWriters < 1) {
            throw new IllegalArgumentException("objectWriters must be >= 1: " + objectWriters);
        }
        this.dataset = dataset;
        this.objectWriters = objectWriters;
    }

    /**
     * Seeds the dataset at {@code scale}; the elapsed time includes generating the dataset (the bucket is
     * ensured meanwhile).
     */
    public static SeedResult seed(Connection connection, ObjectStore store, int scale) {
        long started = System.nanoTime();
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1: " + scale);
        }
        CompletableFuture<Void> bucket = CompletableFuture.runAsync(() -> store.ensureBucket(StonksDataset.BUCKET));
        StonksDataset dataset;
        try {
            dataset = StonksDataset.of(scale);
        } catch (RuntimeException e) {
            bucket.cancel(true);
            throw e;
        }
        return new StonksSeeder(dataset).seed(connection, store, started, bucket);
    }

    public SeedResult seed(Connection connection, ObjectStore store) {
        return seed(connection, store, System.nanoTime(), null);
    }

    private SeedResult seed(Connection connection, ObjectStore store, long started, CompletableFuture<Void> bucket) {
        LOG.log(System.Logger.Level.INFO, "seeding the stonks dataset at scale {0}: {1} rows, {2} objects",
                dataset.scale(), dataset.rowCounts().values().stream().mapToLong(Long::longValue).sum(),
                dataset.documents().size());

        AtomicInteger objects = new AtomicInteger();
        AtomicLong objectBytes = new AtomicLong();
        AtomicLong objectsDone = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(Math.min(objectWriters,
                Math.max(1, dataset.documents().size() / 8)), daemonThreads());
        Map<String, Long> inserted;
        long dbStarted = System.nanoTime();
        long dbDone;
        try {
            // the object store work (bucket, then every object) runs alongside the database transaction
            CompletableFuture<Void> bucketReady = bucket != null ? bucket
                    : CompletableFuture.runAsync(() -> store.ensureBucket(StonksDataset.BUCKET), writers);
            CompletableFuture<Void> objectWrites = bucketReady
                    .thenComposeAsync(ignored -> writeObjects(store, writers, objects, objectBytes), writers)
                    .thenRun(() -> objectsDone.set(System.nanoTime()));
            inserted = insertRows(connection, objectWrites);
            dbDone = System.nanoTime();
        } finally {
            writers.shutdownNow();
        }

        SeedResult result = new SeedResult(dataset.scale(), dataset.rowCounts(), inserted, objects.get(),
                objectBytes.get(), seconds(System.nanoTime() - started), seconds(dbDone - dbStarted),
                seconds(objectsDone.get() - dbStarted));
        LOG.log(System.Logger.Level.INFO, "seeded the stonks dataset at scale {0} in {1} s: {2} rows inserted, "
                + "{3} objects written", dataset.scale(), String.format(java.util.Locale.ROOT, "%.3f",
                result.elapsedSeconds()), result.totalInserted(), result.objectsWritten());
        return result;
    }

    private CompletableFuture<Void> writeObjects(ObjectStore store, ExecutorService writers, AtomicInteger objects,
            AtomicLong objectBytes) {
        List<Document> documents = dataset.documents();
        int chunks = Math.min(documents.size(), objectWriters * 4);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = documents.size() * chunk / chunks;
            int to = documents.size() * (chunk + 1) / chunks;
            futures.add(CompletableFuture.runAsync(() -> {
                for (Document document : documents.subList(from, to)) {
                    byte[] bytes = dataset.textBytes(document);
                    store.put(StonksDataset.BUCKET, document.objectKey(), bytes, StonksDataset.TEXT_CONTENT_TYPE);
                    objects.incrementAndGet();
                    objectBytes.addAndGet(bytes.length);
                }
            }, writers));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    private Map<String, Long> insertRows(Connection connection, CompletableFuture<Void> objectWrites) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new SeedException("cannot start the seed transaction: " + e.getMessage(), e);
        }
        try {
            Map<String, Long> inserted = new LinkedHashMap<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
                for (Table<?> table : tables()) {
                    inserted.put(table.name(), table.load(statement, copy));
                }
            }
            objectWrites.join();
            connection.commit();
            return inserted;
        } catch (SQLException | IOException | RuntimeException e) {
            objectWrites.cancel(true);
            rollback(connection, e);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new SeedException("seeding the stonks dataset (scale " + dataset.scale() + ") failed, rolled back: "
                    + cause.getMessage(), cause);
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot restore auto-commit: " + e.getMessage());
            }
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private List<Table<?>> tables() {
        StonksDataset d = dataset;
        return List.of(
                new Table<>("companies", List.of("id", "ticker", "name", "sector", "exchange", "created_at"),
                        d.companies(), (Company c) -> new Object[] {c.id(), c.ticker(), c.name(), c.sector(),
                            c.exchange(), c.createdAt()}),
                new Table<>("company_aliases", List.of("id", "company_id", "alias", "created_at"),
                        d.aliases(), (CompanyAlias a) -> new Object[] {a.id(), a.companyId(), a.alias(),
                            a.createdAt()}),
                new Table<>("sources", List.of("id", "company_id", "kind", "url", "active", "created_at"),
                        d.sources(), (Source s) -> new Object[] {s.id(), s.companyId(), s.kind().value(), s.url(),
                            s.active(), s.createdAt()}),
                new Table<>("competitor_relationships", List.of("id", "company_id", "competitor_id", "strength"),
                        d.competitorRelationships(), (CompetitorRelationship r) -> new Object[] {r.id(),
                            r.companyId(), r.competitorId(), r.strength()}),
                new Table<>("documents", List.of("id", "company_id", "source_id", "title", "published_at",
                        "object_key", "sha256", "word_count"),
                        d.documents(), (Document doc) -> new Object[] {doc.id(), doc.companyId(), doc.sourceId(),
                            doc.title(), doc.publishedAt(), doc.objectKey(), doc.sha256(), doc.wordCount()}),
                new Table<>("intelligence_records", List.of("id", "document_id", "kind", "score", "summary",
                        "created_at"),
                        d.intelligenceRecords(), (IntelligenceRecord r) -> new Object[] {r.id(), r.documentId(),
                            r.kind().value(), r.score(), r.summary(), r.createdAt()}),
                new Table<>("trend_windows", List.of("id", "company_id", "window_start", "window_end",
                        "trend_direction", "confidence", "summary", "created_at"),
                        d.trendWindows(), (TrendWindow t) -> new Object[] {t.id(), t.companyId(), t.windowStart(),
                            t.windowEnd(), t.trendDirection().value(), t.confidence(), t.summary(), t.createdAt()}),
                new Table<>("trend_evidence", List.of("trend_window_id", "document_id", "weight"),
                        d.trendEvidence(), (TrendEvidence e) -> new Object[] {e.trendWindowId(), e.documentId(),
                            e.weight()}),
                new Table<>("trend_projections", List.of("id", "trend_window_id", "horizon_days",
                        "expected_return", "low", "high"),
                        d.trendProjections(), (TrendProjection p) -> new Object[] {p.id(), p.trendWindowId(),
                            p.horizonDays(), p.expectedReturn(), p.low(), p.high()}),
                new Table<>("ingestion_runs", List.of("id", "source_id", "started_at", "finished_at", "status",
                        "documents_ingested", "error"),
                        d.ingestionRuns(), (IngestionRun r) -> new Object[] {r.id(), r.sourceId(), r.startedAt(),
                            r.finishedAt(), r.status().value(), r.documentsIngested(), r.error()}));
    }

    /** One table's rows and how to turn a row into column values. */
    private record Table<T>(String name, List<String> columns, List<T> rows, Function<T, Object[]> values) {

        long load(Statement statement, CopyManager copy) throws SQLException, IOException {
            String staging = "seed_" + name;
            String columnList = String.join(", ", columns);
            StringBuilder csv = new StringBuilder(rows.size() * 96);
            for (T row : rows) {
                Csv.appendRow(csv, values.apply(row));
            }
            statement.execute("CREATE TEMPORARY TABLE " + staging + " (LIKE " + name
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
            copy.copyIn("COPY " + staging + " (" + columnList + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
            return statement.executeUpdate("INSERT INTO " + name + " (" + columnList + ") SELECT " + columnList
                    + " FROM " + staging + " ON CONFLICT DO NOTHING");
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "stonks-seed-objects-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }
}
