package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    private static final String USER = "inttest";
    private static final String PASSWORD = "s3cret 'pw\"";

    @TempDir
    Path tmp;

    @Test
    void realPostgres16WithPasswordAuthDatabaseAndPgStatStatements() throws Exception {
        Path dir = tmp.resolve("pg");
        long begin = System.nanoTime();
        PostgresInstance pg = PostgresServer.start(PostgresConfig.of(dir, USER, PASSWORD, "stonks"));
        try {
            System.out.printf("PostgreSQL started in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/stonks");
            assertThat(ProcessControl.isAlive(pg.pid())).isTrue();
            assertThat(PostgresServer.runningPid(dir)).hasValue(pg.pid());
            assertThat(pg.pgStatStatements()).isTrue();

            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), USER, PASSWORD);
                 Statement s = c.createStatement()) {
                assertThat(single(s, "SHOW server_version")).startsWith("16.");
                assertThat(single(s, "SELECT current_database()")).isEqualTo("stonks");
                assertThat(single(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("true");
                assertThat(single(s, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
                s.execute("CREATE TABLE orders (id bigserial PRIMARY KEY, symbol text NOT NULL, qty int NOT NULL)");
                s.execute("INSERT INTO orders (symbol, qty) VALUES ('ACME', 10), ('INIT', 5)");
                assertThat(single(s, "SELECT sum(qty)::text FROM orders WHERE symbol IN ('ACME','INIT')")).isEqualTo("15");

                assertThat(single(s, "SHOW shared_preload_libraries")).contains("pg_stat_statements");
                assertThat(single(s, "SELECT count(*)::text FROM pg_stat_statements WHERE query LIKE '%FROM orders WHERE symbol IN%'"))
                        .isEqualTo("1");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), USER, "wrong"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        } finally {
            assertThat(PostgresServer.stop(dir)).isTrue();
        }
        assertThat(ProcessControl.isAlive(pg.pid())).isFalse();
        assertThat(FreePorts.isFree(pg.port())).isTrue();
        assertThat(PostgresServer.runningPid(dir)).isEmpty();
        assertThat(PostgresServer.stop(dir)).as("nothing left to stop").isFalse();

        // The same directory starts again with its data (on another port).
        PostgresInstance again = PostgresServer.start(PostgresConfig.of(dir, USER, PASSWORD, "stonks"));
        try (Connection c = DriverManager.getConnection(again.jdbcUrl(), USER, PASSWORD);
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*)::text FROM orders")).isEqualTo("2");
        } finally {
            assertThat(PostgresServer.stop(again.pid())).isTrue();
        }
        assertThat(ProcessControl.isAlive(again.pid())).isFalse();
    }

    @Test
    void aKilledServerStartsAgainOnItsDataAndPort() throws Exception {
        // Given: a server with a row, killed (its postmaster.pid stays; here it may stay a zombie nobody reaps)
        Path dir = tmp.resolve("pg");
        PostgresConfig config = PostgresConfig.of(dir, USER, PASSWORD, "history");
        PostgresInstance pg = PostgresServer.start(config);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (id text PRIMARY KEY)");
            s.execute("INSERT INTO runs VALUES ('r1')");
        }
        ProcessControl.signal(pg.pid(), "KILL");
        assertThat(ProcessControl.awaitExit(pg.pid(), java.time.Duration.ofSeconds(10))).isTrue();

        // When: started again on the same port
        PostgresInstance again = PostgresServer.start(config.withPort(pg.port()));

        // Then: crash recovery kept the committed row
        try (Connection c = DriverManager.getConnection(again.jdbcUrl(), USER, PASSWORD);
             Statement s = c.createStatement()) {
            assertThat(again.port()).isEqualTo(pg.port());
            assertThat(single(s, "SELECT id FROM runs")).isEqualTo("r1");
        } finally {
            assertThat(PostgresServer.stop(again.pid())).isTrue();
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
