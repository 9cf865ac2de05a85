package dev.stonks.inttest.localstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link PostgresServer#start(PostgresConfig)} needs.
 *
 * @param dir       working directory: {@code data/} becomes PGDATA, {@code postgres.log} the server log
 * @param port      TCP port on 127.0.0.1; 0 picks a free one
 * @param superuser name of the bootstrap superuser
 * @param password  its password (SCRAM-SHA-256 over TCP; the server has no Unix socket)
 * @param database  a database created for the caller, owned by the superuser
 */
public record PostgresConfig(Path dir, int port, String superuser, String password, String database) {

    public PostgresConfig {
        Objects.requireNonNull(dir, "dir");
        requireText(superuser, "superuser");
        requireText(password, "password");
        requireText(database, "database");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        if (superuser.length() > 63 || database.length() > 63) {
            throw new IllegalArgumentException("PostgreSQL names are at most 63 bytes");
        }
    }

    /** Working directory {@code dir}, a free port, the given credentials and database. */
    public static PostgresConfig of(Path dir, String superuser, String password, String database) {
        return new PostgresConfig(dir, 0, superuser, password, database);
    }

    public PostgresConfig withPort(int newPort) {
        return new PostgresConfig(dir, newPort, superuser, password, database);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must not contain NUL or line breaks");
        }
    }
}
