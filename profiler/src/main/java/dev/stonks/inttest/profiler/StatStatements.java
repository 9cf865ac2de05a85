package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.SqlStatement;
import dev.stonks.inttest.sandboxaccess.SandboxAccess;
import dev.stonks.inttest.sandboxaccess.SandboxAccessResolver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code pg_stat_statements} of a run's sandbox database over one JDBC connection, opened once for the whole stage.
 * Only the services' statements are read: left out are this connection's own queries and every other use of the
 * extension, utility statements (COPY, SET, SHOW, transaction control, DISCARD, DEALLOCATE, ...), queries of the
 * system catalogs and of Flyway's history table. When the database cannot be reached or lacks the extension, the
 * instance is {@linkplain #unavailable() unavailable} with the reason instead.
 */
final class StatStatements implements AutoCloseable {
    static final String APPLICATION_NAME = "inttest-profiler";

    /** The services' statements of the current database. */
    private static final String SERVICE_STATEMENTS = """
              FROM pg_stat_statements s
             WHERE s.dbid = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
               AND s.query NOT ILIKE '%pg\\_stat\\_statements%'
               AND s.query !~* '^\\s*(COPY|SET|SHOW|RESET|BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT\
            |SAVEPOINT|RELEASE|PREPARE\\s+TRANSACTION|DISCARD|DEALLOCATE|LISTEN|UNLISTEN|NOTIFY|VACUUM|ANALYZE\
            |CHECKPOINT)\\M'
               AND s.query !~* '(pg_catalog|information_schema)\\.'
               AND s.query !~* '\\m(FROM|JOIN)\\s+"?pg_'
               AND s.query NOT ILIKE '%flyway\\_schema\\_history%'
               AND s.query <> '<insufficient privilege>'
            """;

    static final String TOP_STATEMENTS = "SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time, "
            + "s.max_exec_time, s.rows\n" + SERVICE_STATEMENTS + " ORDER BY s.total_exec_time DESC\n LIMIT ?";

    static final String SNAPSHOT = "SELECT s.queryid, s.userid, s.dbid, s.calls, s.total_exec_time, s.query\n"
            + SERVICE_STATEMENTS;

    private final String jdbcUrl;
    private final Connection connection;
    private final String unavailable;

    private StatStatements(String jdbcUrl, Connection connection, String unavailable) {
        this.jdbcUrl = jdbcUrl;
        this.connection = connection;
        this.unavailable = unavailable;
    }

    /** Connects to the run's sandbox database; never throws: what went wrong is {@link #unavailable()}. */
    static StatStatements open(SandboxAccessResolver sandboxes, RunContext context) {
        SandboxAccess access;
        try {
            access = sandboxes.resolve(context);
        } catch (RuntimeException e) {
            return new StatStatements(null, null, "no access to the sandbox database: " + e.getMessage());
        }
        try {
            return open(access);
        } catch (RuntimeException e) {
            return new StatStatements(access.jdbcUrl(), null, "cannot read pg_stat_statements of "
                    + access.jdbcUrl() + ": " + e);
        }
    }

    static StatStatements open(SandboxAccess access) {
        Properties properties = new Properties();
        properties.setProperty("user", access.user());
        properties.setProperty("password", access.password());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(access.jdbcUrl(), properties);
            String missing = missingExtension(connection);
            if (missing != null) {
                connection.close();
                return new StatStatements(access.jdbcUrl(), null, missing);
            }
            return new StatStatements(access.jdbcUrl(), connection, null);
        } catch (SQLException e) {
            closeQuietly(connection);
            return new StatStatements(access.jdbcUrl(), null, cannotRead(access.jdbcUrl(), e));
        }
    }

    /** Why the statements cannot be read, or null when they can. */
    String unavailable() {
        return unavailable;
    }

    String cannotRead(SQLException e) {
        return cannotRead(jdbcUrl, e);
    }

    private static String cannotRead(String jdbcUrl, SQLException e) {
        return "cannot read pg_stat_statements of " + jdbcUrl + ": " + e.getMessage();
    }

    /** The {@code limit} statements with the most total execution time. */
    List<SqlStatement> top(int limit, double slowMeanMs) throws SQLException {
        requireAvailable();
        List<SqlStatement> statements = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(TOP_STATEMENTS)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double mean = rs.getDouble("mean_exec_time");
                    statements.add(new SqlStatement(SlowSqlReader.readable(rs.getString("query")),
                            rs.getLong("calls"), Percentiles.round(mean),
                            Percentiles.round(rs.getDouble("max_exec_time")),
                            Percentiles.round(rs.getDouble("total_exec_time")), rs.getLong("rows"),
                            mean > slowMeanMs));
                }
            }
        }
        return statements;
    }

    /** The counters of every statement now: one query. */
    StatementSnapshot snapshot() throws SQLException {
        requireAvailable();
        Map<StatementSnapshot.Key, StatementSnapshot.Totals> totals = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
            while (rs.next()) {
                // a statement run both at top level and nested has two rows with one queryid: added up
                totals.merge(new StatementSnapshot.Key(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                        new StatementSnapshot.Totals(rs.getLong(4), rs.getDouble(5), rs.getString(6)),
                        StatementSnapshot.Totals::plus);
            }
        }
        return new StatementSnapshot(totals);
    }

    private void requireAvailable() {
        if (connection == null) {
            throw new IllegalStateException(unavailable);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static String missingExtension(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database(), EXISTS (SELECT 1 FROM pg_extension "
                        + "WHERE extname = 'pg_stat_statements')")) {
            rs.next();
            return rs.getBoolean(2) ? null : "the extension pg_stat_statements is not installed in database "
                    + rs.getString(1);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing left to read on it
            }
        }
    }
}
