package dev.stonks.inttest.stonks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stonks.inttest.stonks.dataset.testing.Migrations;
import dev.stonks.inttest.stonks.dataset.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** infra/migrations on a real PostgreSQL 16: it applies, and its constraints hold. */
class MigrationsIT {

    private static TestPostgres postgres;

    @BeforeAll
    static void migrate() throws SQLException {
        postgres = TestPostgres.start();
        MigrateResult result = Migrations.apply(postgres);
        assertEquals(true, result.success);
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO companies (id, ticker, name, sector, exchange) VALUES "
                    + "('00000000-0000-0000-0000-00000000000a', 'ABC', 'Abc Corp', 'Tech', 'NYSE'), "
                    + "('00000000-0000-0000-0000-00000000000b', 'XYZ', 'Xyz Corp', 'Tech', 'NYSE')");
            statement.execute("INSERT INTO sources (id, company_id, kind, url) VALUES "
                    + "('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-00000000000a', 'rss', 'u')");
            statement.execute("INSERT INTO company_aliases (id, company_id, alias) VALUES "
                    + "('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000000a', 'Abc')");
        }
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void reapplyingIsANoOp() {
        assertEquals(0, Migrations.apply(postgres).migrationsExecuted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // enumerations
        "INSERT INTO sources (id, company_id, kind, url) VALUES (gen_random_uuid(), "
                + "'00000000-0000-0000-0000-00000000000a', 'twitter', 'u')",
        "INSERT INTO trend_windows (id, company_id, window_start, window_end, trend_direction, confidence) VALUES "
                + "(gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '2025-01-01', '2025-02-01', 'up', 0.5)",
        // ranges
        "INSERT INTO trend_windows (id, company_id, window_start, window_end, trend_direction, confidence) VALUES "
                + "(gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '2025-01-01', '2025-02-01', 'mixed', 1.2)",
        "INSERT INTO trend_windows (id, company_id, window_start, window_end, trend_direction, confidence) VALUES "
                + "(gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '2025-02-01', '2025-01-01', 'mixed', 0.2)",
        "INSERT INTO competitor_relationships (id, company_id, competitor_id, strength) VALUES (gen_random_uuid(), "
                + "'00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000b', 1.5)",
        "INSERT INTO competitor_relationships (id, company_id, competitor_id, strength) VALUES (gen_random_uuid(), "
                + "'00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000a', 0.5)",
        "INSERT INTO companies (id, ticker, name, sector, exchange) VALUES (gen_random_uuid(), 'lower', 'n', 's', 'e')",
        "INSERT INTO documents (id, company_id, title, published_at, object_key, sha256, word_count) VALUES "
                + "(gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 't', now(), 'k', 'not-a-sha', 1)",
        "INSERT INTO ingestion_runs (id, source_id, started_at, finished_at, status) VALUES (gen_random_uuid(), "
                + "'00000000-0000-0000-0000-0000000000c1', now(), now(), 'failed')",
        "INSERT INTO ingestion_runs (id, source_id, started_at, status) VALUES (gen_random_uuid(), "
                + "'00000000-0000-0000-0000-0000000000c1', now(), 'exploded')",
        // V2
        "INSERT INTO orders (id, company_id, side, quantity, order_type, status, mode, created_at) VALUES "
                + "(gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 'buy', 0, 'market', 'rejected', "
                + "'paper', now())",
        "INSERT INTO orders (id, company_id, side, quantity, order_type, status, mode, created_at) VALUES "
                + "(gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 'buy', 5, 'limit', 'rejected', "
                + "'paper', now())",
        "INSERT INTO orders (id, company_id, side, quantity, order_type, status, mode, created_at) VALUES "
                + "(gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 'buy', 5, 'market', 'filled', "
                + "'paper', now())",
        "INSERT INTO price_bars (company_id, day, open, high, low, close, volume) VALUES "
                + "('00000000-0000-0000-0000-00000000000a', '2025-01-02', 10, 9, 8, 10, 1)",
        "INSERT INTO global_events (id, kind, title, description, severity, occurred_at) VALUES "
                + "(gen_random_uuid(), 'rate_decision', 't', 'd', 6, now())",
        "INSERT INTO recommendations (id, company_id, action, conviction, target_price, rationale, status, "
                + "created_at) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 'buy', 0.5, 10, "
                + "'r', 'closed', now())",
        "INSERT INTO portfolio_snapshots (id, taken_at, cash, positions_value, total_value) VALUES "
                + "(gen_random_uuid(), now(), 1, 2, 4)"})
    void checkConstraintsRejectBadValues(String insert) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.execute(insert));
            assertEquals("23514", error.getSQLState(), "check_violation expected, got: " + error.getMessage());
        }
    }

    @Test
    void theEngineConfigHasOneRow() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            String insert = "INSERT INTO trading_engine_config (id, mode, max_daily_orders, max_order_quantity, "
                    + "strategy, updated_at, updated_by) VALUES (gen_random_uuid(), 'paper', 1, 1, 'buy_hold', now(), "
                    + "'x')";
            statement.execute(insert);
            SQLException error = assertThrows(SQLException.class, () -> statement.execute(insert));
            assertEquals("23505", error.getSQLState(), error.getMessage());
            statement.execute("DELETE FROM trading_engine_config");
        }
    }

    @Test
    void aCompanyWithOrdersCannotBeDeleted() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO companies (id, ticker, name, sector, exchange) VALUES "
                    + "('00000000-0000-0000-0000-00000000000e', 'ORD', 'Ord', 'Tech', 'NYSE')");
            statement.execute("INSERT INTO orders (id, company_id, side, quantity, order_type, status, mode, "
                    + "created_at) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-00000000000e', 'buy', 1, "
                    + "'market', 'rejected', 'paper', now())");
            SQLException error = assertThrows(SQLException.class, () -> statement.execute(
                    "DELETE FROM companies WHERE id = '00000000-0000-0000-0000-00000000000e'"));
            assertEquals("23503", error.getSQLState(), error.getMessage());
        }
    }

    @Test
    void aliasesAreUniqueIgnoringCase() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO company_aliases (id, company_id, alias) VALUES (gen_random_uuid(), "
                            + "'00000000-0000-0000-0000-00000000000b', 'ABC')"));
            assertEquals("23505", error.getSQLState(), error.getMessage());
        }
    }

    @Test
    void projectionsKeepTheExpectedReturnInsideTheBand() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO trend_windows (id, company_id, window_start, window_end, trend_direction, "
                    + "confidence) VALUES ('00000000-0000-0000-0000-0000000000d1', "
                    + "'00000000-0000-0000-0000-00000000000a', '2025-01-01', '2025-02-01', 'bullish', 0.7)");
            SQLException error = assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO trend_projections (id, trend_window_id, horizon_days, expected_return, low, high) "
                            + "VALUES (gen_random_uuid(), '00000000-0000-0000-0000-0000000000d1', 30, 0.05, 0.06, 0.1)"));
            assertEquals("23514", error.getSQLState(), error.getMessage());
        }
    }
}
