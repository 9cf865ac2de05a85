package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.SqlStatement;
import dev.stonks.inttest.localstack.PostgresConfig;
import dev.stonks.inttest.localstack.PostgresInstance;
import dev.stonks.inttest.localstack.PostgresServer;
import dev.stonks.inttest.sandboxaccess.SandboxAccess;
import dev.stonks.inttest.sandboxaccess.SandboxAccessResolver;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** The slow-SQL report against a real PostgreSQL 16 with pg_stat_statements preloaded (localstack). */
class SlowSqlReaderIT {
    private static final String USER = "stonks";
    private static final String PASSWORD = "pw-for-the-it";
    private static final SlowSqlReader.Settings SETTINGS = new SlowSqlReader.Settings(10, 100);

    @TempDir
    static Path tmp;
    static PostgresInstance pg;

    @BeforeAll
    static void startPostgres() throws SQLException {
        pg = PostgresServer.start(PostgresConfig.of(tmp.resolve("pg"), USER, PASSWORD, "stonks"));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id bigserial PRIMARY KEY, symbol text NOT NULL, qty int NOT NULL)");
            s.execute("INSERT INTO orders (symbol, qty) SELECT 'S' || i, i FROM generate_series(1, 100) i");
            s.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text)");
            // template1 has the extension (localstack creates it there); template0 does not
            s.execute("CREATE DATABASE plain TEMPLATE template0");
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            PostgresServer.stop(pg.pid());
        }
    }

    @BeforeEach
    void resetStatistics() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    @Test
    void theSleepingStatementIsSlowTheFastOneIsNotAndUtilityAndCatalogStatementsAreLeftOut() throws Exception {
        // Given what a service might have done during the tests
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (int i = 1; i <= 50; i++) {
                s.executeQuery("SELECT id, symbol, qty FROM orders WHERE id = " + i).close();
            }
            for (int i = 0; i < 3; i++) {
                s.executeQuery("SELECT pg_sleep(0.15)").close();
            }
            for (int i = 0; i < 5; i++) {
                s.execute("SET work_mem = '8MB'");
                s.executeQuery("SHOW work_mem").close();
                s.executeQuery("SELECT count(*) FROM pg_catalog.pg_class").close();
                s.executeQuery("SELECT relname FROM pg_class WHERE relname = 'orders'").close();
                s.executeQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank").close();
            }
            StringWriter copied = new StringWriter();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY orders TO STDOUT", copied);
            assertThat(copied.toString()).contains("S42");
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE orders SET qty = qty + 1 WHERE id = 1");
            c.rollback();
        }

        // (the extension did record the utility statements, to be left out)
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_statements "
                        + "WHERE query ~* '^(COPY|SET|SHOW) '")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(3);
        }

        // When
        SqlReading reading = read(ctx -> access(pg.jdbcUrl()), SETTINGS);

        // Then
        assertThat(reading.unavailable()).isNull();
        assertThat(reading.profile().slowMeanMs()).isEqualTo(100.0);
        List<SqlStatement> statements = reading.profile().statements();
        statements.forEach(st -> System.out.println("  " + st));
        assertThat(statements).isNotEmpty().hasSizeLessThanOrEqualTo(10);

        SqlStatement sleep = statements.get(0);
        assertThat(sleep.query()).isEqualTo("SELECT pg_sleep($1)");
        assertThat(sleep.calls()).isEqualTo(3);
        assertThat(sleep.meanMs()).isGreaterThanOrEqualTo(150.0);
        assertThat(sleep.totalMs()).isGreaterThanOrEqualTo(450.0);
        assertThat(sleep.slow()).isTrue();
        assertThat(reading.profile().slow()).containsExactly(sleep);

        SqlStatement fast = statements.stream().filter(st -> st.query().contains("FROM orders WHERE id"))
                .findFirst().orElseThrow();
        assertThat(fast.query()).isEqualTo("SELECT id, symbol, qty FROM orders WHERE id = $1");
        assertThat(fast.calls()).isEqualTo(50);
        assertThat(fast.rows()).isEqualTo(50);
        assertThat(fast.slow()).isFalse();

        assertThat(statements).extracting(SqlStatement::query).noneMatch(q -> q.matches(
                "(?is)\\s*(COPY|SET|SHOW|BEGIN|COMMIT|ROLLBACK|DISCARD|DEALLOCATE)\\b.*"));
        assertThat(statements).extracting(SqlStatement::query).noneMatch(q -> q.contains("pg_class")
                || q.contains("pg_stat_statements") || q.contains("pg_extension")
                || q.contains("flyway_schema_history"));
        assertThat(statements).extracting(SqlStatement::query).contains("UPDATE orders SET qty = qty + $1 WHERE id = $2");
    }

    @Test
    void theTopSettingLimitsTheStatementsToTheOnesWithMostTotalTime() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT pg_sleep(0.12)").close();
            s.executeQuery("SELECT count(*) FROM orders").close();
        }

        SqlReading reading = read(ctx -> access(pg.jdbcUrl()), new SlowSqlReader.Settings(1, 100));

        assertThat(reading.profile().statements()).extracting(SqlStatement::query)
                .containsExactly("SELECT pg_sleep($1)");
    }

    @Test
    void afterAResetNothingIsReported() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT pg_sleep(0.15)").close();
            s.executeQuery("SELECT id FROM orders WHERE id = 3").close();
            s.execute("SELECT pg_stat_statements_reset()");
        }

        SqlReading reading = read(ctx -> access(pg.jdbcUrl()), SETTINGS);

        assertThat(reading.unavailable()).isNull();
        assertThat(reading.profile().statements()).isEmpty();
    }

    @Test
    void aDatabaseWithoutTheExtensionIsUnavailableWithTheReason() {
        String plain = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/plain";

        SqlReading reading = read(ctx -> access(plain), SETTINGS);

        assertThat(reading.profile()).isNull();
        assertThat(reading.unavailable()).isEqualTo("the extension pg_stat_statements is not installed in database "
                + "plain");
    }

    @Test
    void noAccessIsUnavailableWithTheReasonAndNeverThePassword() {
        SqlReading wrongPassword = read(ctx -> new SandboxAccess(pg.jdbcUrl(), USER, "not-" + PASSWORD,
                null, null, null), SETTINGS);
        assertThat(wrongPassword.profile()).isNull();
        assertThat(wrongPassword.unavailable()).contains("cannot read pg_stat_statements of " + pg.jdbcUrl(),
                "password authentication failed").doesNotContain(PASSWORD);

        SqlReading noSandbox = read(ctx -> {
            throw new StageFailedException("sandbox_unavailable", "no sandbox /tmp/x/stonks-inttest-sql");
        }, SETTINGS);
        assertThat(noSandbox.unavailable()).isEqualTo("no access to the sandbox database: no sandbox "
                + "/tmp/x/stonks-inttest-sql");
    }

    private static SqlReading read(SandboxAccessResolver sandboxes, SlowSqlReader.Settings settings) {
        try (StatStatements database = StatStatements.open(sandboxes, context())) {
            return new SlowSqlReader(settings).read(database);
        }
    }

    private static SandboxAccess access(String jdbcUrl) {
        return new SandboxAccess(jdbcUrl, USER, PASSWORD, null, null, null);
    }

    private static RunContext context() {
        return new RunContext("latest", "stonks-inttest-sql", false, 1, "local", Map.of(), Map.of());
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), USER, PASSWORD);
    }
}
