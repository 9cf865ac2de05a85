package dev.stonks.inttest.stonks.dataset.bench;

import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.seed.SeedResult;
import dev.stonks.inttest.stonks.dataset.seed.StonksSeeder;
import dev.stonks.inttest.stonks.dataset.store.MinioObjectStore;
import dev.stonks.inttest.stonks.dataset.testing.Migrations;
import dev.stonks.inttest.stonks.dataset.testing.TestPostgres;
import dev.stonks.inttest.stonks.dataset.testing.TestS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Seeder throughput against PostgreSQL {@code COPY} of the same rows, on a real PostgreSQL 16 (zonky, the test
 * settings: fsync off) and an in-process S3 store. Per scale, {@code runs} times, alternating: a seeding of a freshly
 * migrated database (everything {@code StonksSeeder.seed} does: generating the dataset, every table, ANALYZE, every
 * object, the commit), and a load of the same rows into a freshly migrated database with {@code COPY ... FROM STDIN}
 * in one transaction (the baseline: the rows, dumped with {@code COPY ... TO STDOUT} after the first seeding, already
 * encoded; nothing generated, no objects). Prints every run and the medians. Run with {@code bench/run.sh}.
 *
 * <p>Arguments: {@code --scales 1,10,100} (default), {@code --runs 5} (default).
 */
public final class SeedBenchmark {

    private SeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> scales = List.of(1, 10, 100);
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scales" -> scales = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf)
                        .toList();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --scales 1,10,100 --runs 5)");
            }
        }
        System.out.printf("machine: %d cores, max heap %d MiB, java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        List<String> summary = new ArrayList<>();
        try (TestPostgres postgres = TestPostgres.start(); TestS3 s3 = TestS3.start();
                MinioObjectStore store = s3.store()) {
            for (int scale : scales) {
                summary.add(bench(postgres, store, scale, runs));
            }
        }
        System.out.println();
        System.out.println("scale |      rows | seeder median s | seeder rows/s | COPY median s | COPY rows/s | seeder/COPY");
        summary.forEach(System.out::println);
    }

    private static String bench(TestPostgres postgres, MinioObjectStore store, int scale, int runs) throws Exception {
        List<Double> seeder = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        Map<String, byte[]> dump = null;
        long rows = 0;
        // seeder and COPY runs alternate, so a change of the machine's load affects both alike
        for (int run = 0; run < runs; run++) {
            fresh(postgres);
            try (Connection connection = postgres.connect()) {
                SeedResult result = StonksSeeder.seed(connection, store, scale);
                rows = result.totalRows();
                seeder.add(result.elapsedSeconds());
                System.out.printf(Locale.ROOT, "scale %d seeder run %d: %d rows, %d objects in %.3f s (database "
                        + "%.3f s, objects %.3f s): %.0f rows/s%n", scale, run, rows,
                        result.objectsWritten() + result.artifactsWritten(), result.elapsedSeconds(),
                        result.databaseSeconds(), result.objectStoreSeconds(), rows / result.elapsedSeconds());
            }
            if (dump == null) {
                dump = dump(postgres);
            }
            fresh(postgres);
            double seconds = load(postgres, dump);
            copy.add(seconds);
            System.out.printf(Locale.ROOT, "scale %d COPY run %d: %d rows in %.3f s: %.0f rows/s%n", scale, run, rows,
                    seconds, rows / seconds);
        }
        double s = median(seeder);
        double c = median(copy);
        return String.format(Locale.ROOT, "%5d | %9d | %15.3f | %13.0f | %13.3f | %11.0f | %10.0f %%", scale, rows, s,
                rows / s, c, rows / c, 100 * c / s);
    }

    private static void fresh(TestPostgres postgres) {
        postgres.recreateDatabase();
        Migrations.apply(postgres);
    }

    /** Every table of the dataset in COPY text format. */
    private static Map<String, byte[]> dump(TestPostgres postgres) throws SQLException, java.io.IOException {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        try (Connection connection = postgres.connect()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : StonksDataset.TABLES) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("COPY " + table + " TO STDOUT", out);
                tables.put(table, out.toByteArray());
            }
        }
        return tables;
    }

    /** The baseline: COPY of every table, in load order, in one transaction; seconds until the commit. */
    private static double load(TestPostgres postgres, Map<String, byte[]> dump) throws Exception {
        try (Connection connection = postgres.connect()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            for (Map.Entry<String, byte[]> table : dump.entrySet()) {
                copy.copyIn("COPY " + table.getKey() + " FROM STDIN", new ByteArrayInputStream(table.getValue()));
            }
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
