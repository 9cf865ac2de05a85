package dev.stonks.inttest.stonks.dataset.seed;

import dev.stonks.inttest.stonks.dataset.AuditArtifact;
import dev.stonks.inttest.stonks.dataset.Document;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads a {@link StonksDataset} into a migrated stonks database (see {@code infra/migrations}) and its document
 * texts into the object store.
 *
 * <p>Fast: every table goes in with one streamed {@code COPY} (rows are generated and encoded while the server
 * loads the previous buffer; the volume tables are never held in memory), straight into an empty table, or through
 * a temporary staging table and {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING} into one that has rows; objects
 * (document texts and audit reports) are written by a few threads while the database works. Atomic: one
 * transaction, committed only after every object was written. Idempotent: rows already present (same id, ticker,
 * alias, ...) are skipped, so seeding a seeded database inserts nothing, and seeding a larger scale over a smaller
 * one adds only the difference. Concurrent seeders serialize on an advisory lock.
 *
 * <p>Migrations are not applied here. The seeder commits on the connection it is given and restores its
 * auto-commit mode afterwards.
 */
public final class StonksSeeder {

    /** Key of the transaction-scoped advisory lock that serializes seeders of one database. */
    public static final long ADVISORY_LOCK_KEY = 0x5354_4f4e_4b53_0001L;

    /** Tables that received at least this many rows are analyzed before the commit. */
    static final long ANALYZE_FROM_ROWS = 1_000;

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
                dataset.documents().size() + dataset.auditArtifacts().size());

        AtomicInteger objects = new AtomicInteger();
        AtomicInteger artifacts = new AtomicInteger();
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
                    .thenComposeAsync(ignored -> writeObjects(store, writers, objects, artifacts, objectBytes), writers)
                    .thenRun(() -> objectsDone.set(System.nanoTime()));
            inserted = insertRows(connection, objectWrites);
            dbDone = System.nanoTime();
        } finally {
            writers.shutdownNow();
        }

        SeedResult result = new SeedResult(dataset.scale(), dataset.rowCounts(), inserted, objects.get(),
                artifacts.get(), objectBytes.get(), seconds(System.nanoTime() - started), seconds(dbDone - dbStarted),
                seconds(objectsDone.get() - dbStarted));
        LOG.log(System.Logger.Level.INFO, "seeded the stonks dataset at scale {0} in {1} s: {2} rows inserted, "
                + "{3} documents and {4} audit artifacts written", dataset.scale(), String.format(java.util.Locale.ROOT,
                "%.3f", result.elapsedSeconds()), result.totalInserted(), result.objectsWritten(),
                result.artifactsWritten());
        return result;
    }

    private CompletableFuture<Void> writeObjects(ObjectStore store, ExecutorService writers, AtomicInteger objects,
            AtomicInteger artifacts, AtomicLong objectBytes) {
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
        futures.add(CompletableFuture.runAsync(() -> {
            for (AuditArtifact artifact : dataset.auditArtifacts()) {
                byte[] bytes = artifact.bytes();
                store.put(StonksDataset.BUCKET, artifact.key(), bytes, AuditArtifact.CONTENT_TYPE);
                artifacts.incrementAndGet();
                objectBytes.addAndGet(bytes.length);
            }
        }, writers));
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
                for (SeedTables.Table table : SeedTables.of(dataset)) {
                    inserted.put(table.name(), load(table, statement, copy));
                }
                // fresh statistics for the services' first queries on the big tables (autovacuum would get there
                // later; the planner estimates small tables from their size)
                List<String> changed = inserted.entrySet().stream().filter(e -> e.getValue() >= ANALYZE_FROM_ROWS)
                        .map(Map.Entry::getKey).toList();
                if (!changed.isEmpty()) {
                    statement.execute("ANALYZE " + String.join(", ", changed));
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

    /**
     * An empty table gets its rows with one {@code COPY} straight into it (the common case: a fresh sandbox). A table
     * that has rows gets them through a temporary staging table and {@code INSERT ... ON CONFLICT DO NOTHING}, so
     * what is there already is skipped. Returns the rows inserted.
     */
    private static long load(SeedTables.Table table, Statement statement, CopyManager copy)
            throws SQLException, IOException {
        boolean empty;
        try (ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table.name() + ")")) {
            rows.next();
            empty = rows.getBoolean(1);
        }
        String columns = table.columnList();
        if (empty) {
            long copied = copyRows(copy, "COPY " + table.name() + " (" + columns + ") FROM STDIN", table);
            if (copied != table.rows()) {
                throw new IllegalStateException(table.name() + ": copied " + copied + " rows, the dataset has "
                        + table.rows());
            }
            return copied;
        }
        String staging = "seed_" + table.name();
        statement.execute("CREATE TEMPORARY TABLE " + staging + " (LIKE " + table.name()
                + " INCLUDING DEFAULTS) ON COMMIT DROP");
        copyRows(copy, "COPY " + staging + " (" + columns + ") FROM STDIN", table);
        return statement.executeUpdate("INSERT INTO " + table.name() + " (" + columns + ") SELECT " + columns
                + " FROM " + staging + " ON CONFLICT DO NOTHING");
    }

    private static long copyRows(CopyManager copy, String sql, SeedTables.Table table)
            throws SQLException, IOException {
        CopyIn in = copy.copyIn(sql);
        try {
            CopyWriter writer = new CopyWriter((bytes, length) -> {
                try {
                    in.writeToCopy(bytes, 0, length);
                } catch (SQLException e) {
                    throw new IOException("COPY " + table.name() + ": " + e.getMessage(), e);
                }
            });
            try {
                table.write().accept(writer);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
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
