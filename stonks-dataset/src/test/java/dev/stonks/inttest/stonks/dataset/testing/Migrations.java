package dev.stonks.inttest.stonks.dataset.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the stonks schema ({@code infra/migrations} of this repository) with Flyway, as the seeder service
 * does in a sandbox. The repository root is the system property {@code inttest.home} (set by the parent pom for
 * surefire and failsafe), else the first parent of the working directory that holds {@code infra/migrations}.
 */
public final class Migrations {

    private Migrations() {
    }

    public static Path directory() {
        String home = System.getProperty("inttest.home");
        if (home != null && !home.isBlank()) {
            Path dir = Path.of(home).resolve("infra/migrations").toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
            throw new IllegalStateException("inttest.home=" + home + " has no infra/migrations");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra/migrations");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find infra/migrations: set -Dinttest.home=<repository root>");
    }

    public static MigrateResult apply(String jdbcUrl, String username, String password) {
        return Flyway.configure()
                .dataSource(jdbcUrl, username, password)
                .locations("filesystem:" + directory())
                .load()
                .migrate();
    }

    public static MigrateResult apply(TestPostgres postgres) {
        return apply(postgres.jdbcUrl(), TestPostgres.USERNAME, TestPostgres.PASSWORD);
    }
}
