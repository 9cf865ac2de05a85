package dev.stonks.inttest.stonks.dataset.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.Document;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.TrendWindow;
import dev.stonks.inttest.stonks.dataset.store.MinioObjectStore;
import dev.stonks.inttest.stonks.dataset.testing.FreePorts;
import dev.stonks.inttest.stonks.dataset.testing.Migrations;
import dev.stonks.inttest.stonks.dataset.testing.TestPostgres;
import dev.stonks.inttest.stonks.dataset.testing.TestS3;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seeder against a real PostgreSQL 16 migrated with infra/migrations and a real S3 endpoint. */
class StonksSeederIT {

    private static TestPostgres postgres;
    private static TestS3 s3;
    private static MinioObjectStore store;

    @BeforeAll
    static void startInfrastructure() {
        postgres = TestPostgres.start();
        s3 = TestS3.start();
        store = s3.store();
    }

    @AfterAll
    static void stopInfrastructure() {
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshDatabase() {
        postgres.recreateDatabase();
        Migrations.apply(postgres);
    }

    @Test
    void seedsEveryRowAndObjectOfTheBaseDataset() throws Exception {
        StonksDataset dataset = StonksDataset.base();

        // When
        SeedResult result;
        try (Connection connection = postgres.connect()) {
            result = StonksSeeder.seed(connection, store, 1);
        }

        // Then: every table holds exactly the dataset's rows
        assertEquals(dataset.rowCounts(), result.rowsPerTable());
        assertEquals(dataset.rowCounts(), result.insertedPerTable());
        assertEquals(dataset.rowCounts(), countRows());
        assertEquals(dataset.documents().size(), result.objectsWritten());
        assertEquals(StonksDataset.AUDIT_DAYS, result.artifactsWritten());

        // and the values are the dataset's, exactly
        try (Connection connection = postgres.connect()) {
            Company apple = dataset.company("AAPL");
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT ticker, name, sector, exchange, created_at FROM companies WHERE id = ?")) {
                query.setObject(1, apple.id());
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("AAPL", row.getString("ticker"));
                    assertEquals("Apple Inc.", row.getString("name"));
                    assertEquals(apple.createdAt(), row.getTimestamp("created_at").toInstant());
                }
            }
            TrendWindow window = dataset.trendWindow("AAPL", 0);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT trend_direction, confidence::float8, (SELECT count(*) FROM trend_evidence e "
                            + "WHERE e.trend_window_id = w.id) FROM trend_windows w WHERE id = ?")) {
                query.setObject(1, window.id());
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals(window.trendDirection().value(), row.getString(1));
                    assertEquals(window.confidence(), row.getDouble(2));
                    assertEquals(dataset.evidenceOf(window.id()).size(), row.getInt(3));
                }
            }
        }

        // and the trading year: positions, the last snapshot, an order with its evaluation
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT quantity, avg_cost::float8 FROM positions WHERE "
                    + "company_id = '" + dataset.company("AAPL").id() + "'")) {
                assertTrue(row.next());
                assertEquals(dataset.position("AAPL").quantity(), row.getInt(1));
                assertEquals(dataset.position("AAPL").avgCost(), row.getDouble(2));
            }
            try (ResultSet row = statement.executeQuery("SELECT count(*) FROM portfolio_snapshots "
                    + "WHERE total_value <> cash + positions_value")) {
                row.next();
                assertEquals(0, row.getInt(1));
            }
            try (ResultSet row = statement.executeQuery("SELECT sum(CASE WHEN o.side = 'buy' THEN o.quantity "
                    + "ELSE -o.quantity END) FROM orders o WHERE o.status = 'filled' AND o.company_id = '"
                    + dataset.company("TSLA").id() + "'")) {
                row.next();
                assertEquals(dataset.position("TSLA").quantity(), row.getInt(1));
            }
        }
        for (var artifact : dataset.auditArtifacts()) {
            assertEquals(artifact.json(), new String(store.get(StonksDataset.BUCKET, artifact.key()).orElseThrow(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        // and every document's text is in the store, with the sha256 the database records
        Map<String, String> shaByKey = new LinkedHashMap<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT object_key, sha256, word_count FROM documents")) {
            while (rows.next()) {
                shaByKey.put(rows.getString(1), rows.getString(2));
            }
        }
        for (Document document : dataset.documents()) {
            byte[] bytes = store.get(StonksDataset.BUCKET, document.objectKey()).orElseThrow(
                    () -> new AssertionError("no object " + document.objectKey()));
            assertEquals(document.sha256(), StonksDataset.sha256Hex(bytes), document.objectKey());
            assertEquals(document.sha256(), shaByKey.get(document.objectKey()), document.objectKey());
            assertEquals(document.wordCount(), StonksDataset.countWords(new String(bytes, "UTF-8")));
        }
    }

    @Test
    void seedingTwiceInsertsNothingAndLeavesTheSameRows() throws Exception {
        // Given a seeded database
        try (Connection connection = postgres.connect()) {
            StonksSeeder.seed(connection, store, 1);
        }
        Map<String, Long> countsBefore = countRows();
        Map<String, String> contentBefore = tableChecksums();

        // When
        SeedResult again;
        try (Connection connection = postgres.connect()) {
            again = StonksSeeder.seed(connection, store, 1);
        }

        // Then
        assertTrue(again.alreadySeeded(), "second seed inserted " + again.insertedPerTable());
        assertEquals(countsBefore, countRows());
        assertEquals(contentBefore, tableChecksums());
    }

    @Test
    void scaleThreeTriplesTheDocumentsAndTheirRecords() throws Exception {
        StonksDataset base = StonksDataset.base();

        // Given the base dataset, When seeding scale 3 over it
        SeedResult scaled;
        try (Connection connection = postgres.connect()) {
            StonksSeeder.seed(connection, store, 1);
            scaled = StonksSeeder.seed(connection, store, 3);
        }

        // Then only the difference was inserted, and the volume tables tripled
        Map<String, Long> counts = countRows();
        assertEquals(3 * base.documents().size(), counts.get("documents"));
        assertEquals(3 * base.intelligenceRecords().size(), counts.get("intelligence_records"));
        assertEquals(2L * base.documents().size(), scaled.insertedPerTable().get("documents"));
        assertEquals(0L, scaled.insertedPerTable().get("companies"));
        assertEquals(base.rowCounts().get("trend_windows"), counts.get("trend_windows"));
        assertEquals(3 * base.documents().size() + StonksDataset.AUDIT_DAYS, countObjects());
        assertEquals(scaled.rowsPerTable(), counts);
        assertEquals(2L * StonksDataset.TICKERS.size() * 250, scaled.insertedPerTable().get("price_bars"));
    }

    @Test
    void concurrentSeedersDoNotDuplicateOrFail() throws Exception {
        // When two seeders race on one database
        List<CompletableFuture<SeedResult>> seeders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            seeders.add(CompletableFuture.supplyAsync(() -> {
                try (Connection connection = postgres.connect()) {
                    return StonksSeeder.seed(connection, store, 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<SeedResult> results = seeders.stream().map(CompletableFuture::join).toList();

        // Then one inserted everything, the other nothing
        assertEquals(StonksDataset.base().rowCounts().values().stream().mapToLong(Long::longValue).sum(),
                results.stream().mapToLong(SeedResult::totalInserted).sum());
        assertEquals(StonksDataset.base().rowCounts(), countRows());
    }

    @Test
    void anUnreachableObjectStoreFailsTheSeedAndLeavesTheDatabaseEmpty() throws Exception {
        // Given a store client for a port nothing listens on
        try (MinioObjectStore dead = MinioObjectStore.create("http://127.0.0.1:" + FreePorts.find(),
                TestS3.ACCESS_KEY, TestS3.SECRET_KEY, Duration.ofSeconds(1), Duration.ofSeconds(2));
                Connection connection = postgres.connect()) {

            // When / Then
            assertThrows(RuntimeException.class, () -> StonksSeeder.seed(connection, dead, 1));
        }
        assertEquals(0L, countRows().get("companies"));
    }

    @Test
    void theBaseDatasetSeedsWellUnderTwoSeconds() throws Exception {
        // Warm-up (class loading, JIT) is what every fresh seeder JVM pays once; measure both.
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            if (run > 0) {
                postgres.recreateDatabase();
                Migrations.apply(postgres);
            }
            try (Connection connection = postgres.connect()) {
                SeedResult result = StonksSeeder.seed(connection, store, 1);
                seconds.add(result.elapsedSeconds());
                System.out.printf("base seed run %d: %.3f s (database %.3f s, objects %.3f s)%n", run,
                        result.elapsedSeconds(), result.databaseSeconds(), result.objectStoreSeconds());
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.out.printf("base seed: first %.3f s, median %.3f s%n", seconds.get(0), median);
        assertTrue(median < 2.0, "median base seed " + median + " s");
    }

    private static Map<String, Long> countRows() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String table : StonksDataset.TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** An md5 over each table's rows in a fixed order: equal checksums mean equal contents. */
    private static Map<String, String> tableChecksums() throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String table : StonksDataset.TABLES) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t")) {
                    rows.next();
                    sums.put(table, rows.getString(1));
                }
            }
        }
        return sums;
    }

    private static long countObjects() {
        long count = 0;
        for (Result<Item> ignored : store.client().listObjects(ListObjectsArgs.builder()
                .bucket(StonksDataset.BUCKET).recursive(true).build())) {
            count++;
        }
        return count;
    }
}
