package dev.stonks.inttest.seeder;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.SeedOutput;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.sandboxaccess.SandboxAccess;
import dev.stonks.inttest.sandboxaccess.SandboxAccessResolver;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.seed.SeedResult;
import dev.stonks.inttest.stonks.dataset.seed.StonksSeeder;
import dev.stonks.inttest.stonks.dataset.store.MinioObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/** seed_data: applies the migrations with Flyway, then loads the deterministic dataset and its objects. */
@ApplicationScoped
public class SandboxSeeder {
    private static final Logger LOG = Logger.getLogger(SandboxSeeder.class);

    private final SandboxAccessResolver sandboxes;
    private final SeederConfig config;

    public SandboxSeeder(SandboxAccessResolver sandboxes, SeederConfig config) {
        this.sandboxes = sandboxes;
        this.config = config;
    }

    public SeedOutput seed(String runId, RunContext context) {
        return seed(runId, context, () -> { });
    }

    /** As above; {@code checkpoint} runs between the steps and throws to stop (a cancelled run). */
    public SeedOutput seed(String runId, RunContext context, Runnable checkpoint) {
        SandboxAccess access = sandboxes.resolve(context);
        Path migrations = config.migrations().map(Path::of).orElseGet(() -> InttestHome.resolve()
                .resolve("infra/migrations"));
        if (!Files.isDirectory(migrations)) {
            throw new StageFailedException("migrations_missing", "no migrations folder at " + migrations);
        }
        SeedFingerprint fingerprint = fingerprint(migrations, context.scale());
        long t0 = System.nanoTime();
        int applied = migrate(access, migrations);
        double migrateS = (System.nanoTime() - t0) / 1e9;
        LOG.infof("run %s: %d migrations applied from %s in %.2f s", runId, applied, migrations, migrateS);
        checkpoint.run();

        try (Connection connection = DriverManager.getConnection(access.jdbcUrl(), access.user(), access.password());
                MinioObjectStore store = MinioObjectStore.create(access.s3Endpoint(), access.s3AccessKey(),
                        access.s3SecretKey())) {
            SeedResult result = StonksSeeder.seed(connection, store, context.scale());
            LOG.infof("run %s: seeded %d rows (%d inserted) and %d objects at scale %d in %.2f s", runId,
                    result.totalRows(), result.totalInserted(), result.objectsWritten(), context.scale(),
                    result.elapsedSeconds());
            resetStatementStatistics(runId, connection);
            Map<String, Long> rows = new TreeMap<>(result.rowsPerTable());
            return new SeedOutput(applied, context.scale(), rows, result.objectsWritten(), round(migrateS),
                    round(result.elapsedSeconds()), fingerprint.fingerprint(), fingerprint.migrationsSha256(),
                    fingerprint.datasetVersion());
        } catch (SQLException e) {
            throw new StageFailedException("database_unreachable", "cannot connect to " + access.jdbcUrl() + ": "
                    + e.getMessage(), e);
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new StageFailedException("seed_failed", e.getMessage(), e);
        }
    }

    /** Of the migrations as they are on disk now, before Flyway applies them. */
    private static SeedFingerprint fingerprint(Path migrations, int scale) {
        try {
            return SeedFingerprint.of(migrations, StonksDataset.VERSION, scale);
        } catch (IOException | UncheckedIOException e) {
            throw new StageFailedException("migrations_unreadable", "cannot read the migrations in " + migrations
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The profiler's slow-SQL report reads pg_stat_statements; resetting it here makes it count what the services did
     * during the tests, not the seeding. A database without the extension is left as it is.
     */
    private static void resetStatementStatistics(String runId, Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet installed = s.executeQuery(
                        "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
            installed.next();
            if (installed.getInt(1) == 0) {
                LOG.infof("run %s: no pg_stat_statements in the sandbox database, nothing to reset", runId);
                return;
            }
            s.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            LOG.warnf("run %s: cannot reset pg_stat_statements (%s); the slow-SQL report includes the seeding", runId,
                    e.getMessage());
        }
    }

    private static int migrate(SandboxAccess access, Path migrations) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(access.jdbcUrl(), access.user(), access.password())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load().migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StageFailedException("migration_failed", e.getMessage(), e);
        }
    }

    private static double round(double s) {
        return Math.round(s * 1000.0) / 1000.0;
    }
}
