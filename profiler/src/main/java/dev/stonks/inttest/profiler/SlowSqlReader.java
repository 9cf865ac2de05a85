package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.SqlProfile;
import dev.stonks.inttest.events.output.SqlStatement;
import dev.stonks.inttest.sandboxaccess.SandboxAccess;
import dev.stonks.inttest.sandboxaccess.SandboxAccessResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The statements the services under test spent most time in, from {@code pg_stat_statements} of the sandbox
 * database (the seeder resets it after seeding, so what it counts is the services' work): the top ones by total
 * execution time, a statement slow when its mean exceeds the threshold. Left out: this reader's own query and every
 * other use of the extension, utility statements (COPY, SET, SHOW, transaction control, DISCARD, DEALLOCATE, ...),
 * queries of the system catalogs and Flyway's history table.
 */
@ApplicationScoped
public class SlowSqlReader {
    /** Longest query text reported; longer ones are cut. */
    static final int MAX_QUERY_CHARS = 300;
    static final String APPLICATION_NAME = "inttest-profiler";

    static final String TOP_STATEMENTS = """
            SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.max_exec_time, s.rows
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
             ORDER BY s.total_exec_time DESC
             LIMIT ?
            """;

    /** @param top how many statements to report; @param slowMeanMs a statement with a higher mean is slow */
    public record Settings(int top, double slowMeanMs) {
        static Settings of(ProfilerConfig config) {
            return new Settings(config.sqlTop(), config.slowSqlMs());
        }
    }

    private final SandboxAccessResolver sandboxes;
    private final Settings settings;

    @Inject
    public SlowSqlReader(SandboxAccessResolver sandboxes, ProfilerConfig config) {
        this(sandboxes, Settings.of(config));
    }

    SlowSqlReader(SandboxAccessResolver sandboxes, Settings settings) {
        this.sandboxes = sandboxes;
        this.settings = settings;
    }

    public SqlReading read(RunContext context) {
        SandboxAccess access;
        try {
            access = sandboxes.resolve(context);
        } catch (RuntimeException e) {
            return SqlReading.unavailable("no access to the sandbox database: " + e.getMessage());
        }
        try {
            return read(access);
        } catch (RuntimeException e) {
            return SqlReading.unavailable("cannot read pg_stat_statements of " + access.jdbcUrl() + ": " + e);
        }
    }

    SqlReading read(SandboxAccess access) {
        Properties properties = new Properties();
        properties.setProperty("user", access.user());
        properties.setProperty("password", access.password());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        try (Connection connection = DriverManager.getConnection(access.jdbcUrl(), properties)) {
            String missing = missingExtension(connection);
            if (missing != null) {
                return SqlReading.unavailable(missing);
            }
            return SqlReading.of(new SqlProfile(top(connection), settings.slowMeanMs()));
        } catch (SQLException e) {
            return SqlReading.unavailable("cannot read pg_stat_statements of " + access.jdbcUrl() + ": "
                    + e.getMessage());
        }
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

    private List<SqlStatement> top(Connection connection) throws SQLException {
        List<SqlStatement> statements = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(TOP_STATEMENTS)) {
            s.setInt(1, settings.top());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double mean = rs.getDouble("mean_exec_time");
                    statements.add(new SqlStatement(readable(rs.getString("query")), rs.getLong("calls"),
                            round(mean), round(rs.getDouble("max_exec_time")),
                            round(rs.getDouble("total_exec_time")), rs.getLong("rows"),
                            mean > settings.slowMeanMs()));
                }
            }
        }
        return statements;
    }

    /** Whitespace collapsed to single spaces, cut to {@value #MAX_QUERY_CHARS} characters. */
    static String readable(String query) {
        String oneLine = query == null ? "" : query.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_QUERY_CHARS ? oneLine : oneLine.substring(0, MAX_QUERY_CHARS - 3) + "...";
    }

    private static double round(double ms) {
        return Math.round(ms * 100.0) / 100.0;
    }
}
