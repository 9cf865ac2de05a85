package dev.stonks.inttest.stonks.dataset.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 16 (zonky embedded binaries) on a free loopback port, with a database {@code stonks} owned by
 * a login role {@code stonks}, the way the sandbox provides one.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String DATABASE = "stonks";
    public static final String USERNAME = "stonks";
    public static final String PASSWORD = "stonks-test-password";

    private final EmbeddedPostgres postgres;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static TestPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(FreePorts.find())
                    // the default 10 s is not always enough on a loaded 2-core CI machine
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + USERNAME + " LOGIN PASSWORD '" + PASSWORD + "'");
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USERNAME);
            }
            return new TestPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The URL form the stonks services take ({@code QUARKUS_DATASOURCE_REACTIVE_URL}). */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USERNAME, PASSWORD);
    }

    /** Drops and recreates the {@code stonks} database (fresh, unmigrated). */
    public void recreateDatabase() {
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USERNAME);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}
