package dev.stonks.inttest.seeder;

import dev.stonks.inttest.sandboxaccess.SandboxAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.SeedOutput;
import dev.stonks.inttest.localstack.PostgresConfig;
import dev.stonks.inttest.localstack.PostgresInstance;
import dev.stonks.inttest.localstack.PostgresServer;
import dev.stonks.inttest.localstack.S3Config;
import dev.stonks.inttest.localstack.S3Instance;
import dev.stonks.inttest.localstack.S3Server;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** seed_data against a real PostgreSQL 16 and S3 store: migrations, rows, objects, and a harmless repeat. */
class SandboxSeederIT {

    @TempDir
    static Path dir;
    static PostgresInstance postgres;
    static S3Instance s3;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(PostgresConfig.of(dir.resolve("pg"), "seeder", "pw-123", "stonks"));
        s3 = S3Server.start(S3Config.of(dir.resolve("s3"), "access-1", "secret-1"));
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            PostgresServer.stop(postgres.pid());
        }
        if (s3 != null) {
            S3Server.stop(s3.pid());
        }
    }

    @Test
    void migratesAndSeedsAndARepeatChangesNothing() throws Exception {
        SandboxSeeder seeder = new SandboxSeeder(context -> access(), Optional::empty);
        RunContext context = new RunContext("latest", "stonks-inttest-seed-it", false, 1, "local", null, null);

        SeedOutput first = seeder.seed("stonks-inttest-seed-it", context);
        SeedOutput second = seeder.seed("stonks-inttest-seed-it", context);

        assertThat(first.migrationsApplied()).isGreaterThanOrEqualTo(1);
        assertThat(second.migrationsApplied()).isZero();
        assertThat(first.rows()).containsEntry("companies", (long) StonksDataset.of(1).companies().size());
        assertThat(second.rows()).isEqualTo(first.rows());
        assertThat(first.objects()).isEqualTo(StonksDataset.of(1).documents().size());
        assertThat(first.fingerprint()).matches("sha256:[0-9a-f]{64}").isEqualTo(second.fingerprint());
        assertThat(first.datasetVersion()).isEqualTo(StonksDataset.VERSION);
        assertThat(first.migrationsSha256()).matches("[0-9a-f]{64}");
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "seeder", "pw-123");
                ResultSet rs = c.createStatement().executeQuery("select count(*) from companies")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(first.rows().get("companies"));
        }
    }

    @Test
    void statementStatisticsStartAfterTheSeedingSoTheSlowSqlReportShowsTheServices() throws Exception {
        // Given a database of its own (its template has pg_stat_statements, as a sandbox's has)
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "seeder", "pw-123")) {
            c.createStatement().execute("CREATE DATABASE stats_it");
        }
        String url = postgres.jdbcUrl().replaceAll("/stonks$", "/stats_it");
        SandboxAccess other = new SandboxAccess(url, "seeder", "pw-123", s3.endpoint().toString(), "access-1",
                "secret-1");
        SandboxSeeder seeder = new SandboxSeeder(context -> other, Optional::empty);
        RunContext context = new RunContext("latest", "stonks-inttest-seed-stats", false, 1, "local", null, null);

        // When
        seeder.seed("stonks-inttest-seed-stats", context);

        // Then
        try (Connection c = DriverManager.getConnection(url, "seeder", "pw-123");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_statements"
                        + " WHERE query ILIKE 'COPY %' OR query ILIKE '%INSERT INTO companies%'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the seeding's statements are not counted").isZero();
        }
    }

    @Test
    void aWrongPasswordFailsTheStageWithItsKind() {
        SandboxSeeder seeder = new SandboxSeeder(context -> new SandboxAccess(postgres.jdbcUrl(), "seeder", "wrong",
                s3.endpoint().toString(), "access-1", "secret-1"), Optional::empty);
        RunContext context = new RunContext("latest", "stonks-inttest-seed-it", false, 1, "local", null, null);

        assertThatThrownBy(() -> seeder.seed("stonks-inttest-seed-it", context))
                .isInstanceOfSatisfying(StageFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo("migration_failed"));
    }

    private static SandboxAccess access() {
        return new SandboxAccess(postgres.jdbcUrl(), "seeder", "pw-123", s3.endpoint().toString(), "access-1",
                "secret-1");
    }
}
