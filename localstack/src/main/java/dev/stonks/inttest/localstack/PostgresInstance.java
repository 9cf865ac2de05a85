package dev.stonks.inttest.localstack;

import java.nio.file.Path;

/**
 * A running PostgreSQL server started by {@link PostgresServer}.
 *
 * @param pid               pid of the postmaster (stop it with {@link PostgresServer#stop(long)})
 * @param port              TCP port on 127.0.0.1
 * @param database          the database created for the caller
 * @param superuser         superuser name
 * @param password          superuser password
 * @param dataDir           PGDATA
 * @param logFile           server log
 * @param pgStatStatements  whether pg_stat_statements is preloaded (and created in {@code database})
 */
public record PostgresInstance(long pid, int port, String database, String superuser, String password,
                               Path dataDir, Path logFile, boolean pgStatStatements) {

    public String host() {
        return "127.0.0.1";
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} (user and password are not in it). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PostgresInstance[pid=" + pid + ", url=" + jdbcUrl() + ", user=" + superuser + ", dataDir=" + dataDir + "]";
    }
}
