package dev.stonks.inttest.reporter.testing;

import dev.stonks.inttest.localstack.PostgresConfig;
import dev.stonks.inttest.localstack.PostgresInstance;
import dev.stonks.inttest.localstack.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** The reporter's history database for tests: a real PostgreSQL 16 (zonky's binaries), user and database as in k8s. */
public final class HistoryDatabase implements AutoCloseable {
    public static final String USER = "inttest";
    public static final String PASSWORD = "history-pw";
    public static final String DATABASE = "history";
    private final PostgresInstance pg;

    private HistoryDatabase(PostgresInstance pg) {
        this.pg = pg;
    }

    public static HistoryDatabase start(Path dir) {
        return new HistoryDatabase(PostgresServer.start(PostgresConfig.of(dir, USER, PASSWORD, DATABASE)));
    }

    /** The reporter's environment (contracts.md): HISTORY_DB_ADDRESS, _NAME, _USER, _PASSWORD. */
    public Map<String, String> env() {
        return Map.of("HISTORY_DB_ADDRESS", pg.host() + ":" + pg.port(), "HISTORY_DB_NAME", DATABASE,
                "HISTORY_DB_USER", USER, "HISTORY_DB_PASSWORD", PASSWORD);
    }

    /** A single number from a query, e.g. a row count. */
    public long count(String sql) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), USER, PASSWORD);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        PostgresServer.stop(pg.pid());
    }
}
