package dev.stonks.inttest.stonks;

import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.seed.SeedResult;
import dev.stonks.inttest.stonks.dataset.seed.StonksSeeder;
import dev.stonks.inttest.stonks.dataset.store.MinioObjectStore;
import dev.stonks.inttest.stonks.dataset.testing.FreePorts;
import dev.stonks.inttest.stonks.dataset.testing.Migrations;
import dev.stonks.inttest.stonks.dataset.testing.TestPostgres;
import dev.stonks.inttest.stonks.dataset.testing.TestRedis;
import dev.stonks.inttest.stonks.dataset.testing.TestS3;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The sandbox every {@code *IT} of this module shares (started once per test JVM, stopped when it exits): real
 * PostgreSQL 16 migrated with infra/migrations and seeded by StonksSeeder at scale 1, real Redis, a real S3 endpoint,
 * and the packaged jar as four processes configured only through the provisioner's environment variables.
 */
final class StonksSandbox {

    static final List<String> ROLES = List.of("query-api", "registry", "risk", "trading");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static StonksSandbox instance;

    private final TestPostgres postgres;
    private final TestRedis redis;
    private final TestS3 s3;
    private final Map<String, StonksProcess> services = new LinkedHashMap<>();
    private final Map<String, Duration> startup = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private StonksSandbox(TestPostgres postgres, TestRedis redis, TestS3 s3) {
        this.postgres = postgres;
        this.redis = redis;
        this.s3 = s3;
    }

    static synchronized StonksSandbox get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "stonks-sandbox-stop"));
        }
        return instance;
    }

    private static StonksSandbox start() {
        CompletableFuture<TestPostgres> pg = CompletableFuture.supplyAsync(TestPostgres::start);
        CompletableFuture<TestRedis> rd = CompletableFuture.supplyAsync(TestRedis::start);
        CompletableFuture<TestS3> st = CompletableFuture.supplyAsync(TestS3::start);
        StonksSandbox sandbox = new StonksSandbox(pg.join(), rd.join(), st.join());
        try {
            Migrations.apply(sandbox.postgres);
            try (Connection connection = sandbox.postgres.connect(); MinioObjectStore store = sandbox.s3.store()) {
                SeedResult seeded = StonksSeeder.seed(connection, store, 1);
                System.out.printf("seeded %d rows and %d objects in %.3f s%n", seeded.totalRows(),
                        seeded.objectsWritten(), seeded.elapsedSeconds());
            }
            ROLES.forEach(role -> sandbox.ports.put(role, FreePorts.find()));
            // one after the other, so each start-up time is the service's own, not four JVMs fighting for 2 cores
            for (String role : ROLES) {
                StonksProcess service = StonksProcess.start(role, sandbox.ports.get(role),
                        sandbox.env(role, sandbox.ports.get(role)));
                sandbox.services.put(role, service);
                sandbox.startup.put(role, service.awaitStatus(HTTP, "/q/health/ready", 200, Duration.ofSeconds(90)));
            }
            sandbox.startup.forEach((role, time) -> System.out.printf("stonks %s ready after %d ms%n", role,
                    time.toMillis()));
            return sandbox;
        } catch (RuntimeException | SQLException e) {
            sandbox.close();
            throw new IllegalStateException("cannot start the stonks sandbox: " + e.getMessage(), e);
        }
    }

    /** The environment the provisioner gives a stonks process (risk at the sandbox's risk service). */
    Map<String, String> env(String role, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STONKS_ROLE", role);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", TestPostgres.USERNAME);
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.PASSWORD);
        env.put("QUARKUS_REDIS_HOSTS", redis.hostsUri());
        env.put("STONKS_S3_ENDPOINT", s3.endpoint());
        env.put("STONKS_S3_ACCESS_KEY", TestS3.ACCESS_KEY);
        env.put("STONKS_S3_SECRET_KEY", TestS3.SECRET_KEY);
        env.put("STONKS_S3_BUCKET", StonksDataset.BUCKET);
        env.put("STONKS_RISK_URL", "http://127.0.0.1:" + ports.get("risk"));
        return env;
    }

    TestPostgres postgres() {
        return postgres;
    }

    TestRedis redis() {
        return redis;
    }

    TestS3 s3() {
        return s3;
    }

    Map<String, StonksProcess> services() {
        return Collections.unmodifiableMap(services);
    }

    Map<String, Duration> startup() {
        return Collections.unmodifiableMap(startup);
    }

    StonksProcess service(String role) {
        return services.get(role);
    }

    /**
     * An md5 of every table's rows (in a fixed order): equal fingerprints mean nothing in the database changed.
     */
    Map<String, String> fingerprint() {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String table : StonksDataset.TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT md5(coalesce(string_agg(t::text, '|' "
                        + "ORDER BY t::text), '')) FROM " + table + " t")) {
                    rows.next();
                    sums.put(table, rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint the database: " + e.getMessage(), e);
        }
        return sums;
    }

    /** One value from the database, e.g. a count. */
    long scalar(String sql) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Executes a statement (test set-up only). */
    void execute(String sql) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void close() {
        services.values().forEach(StonksProcess::close);
        for (AutoCloseable c : new AutoCloseable[] {s3, redis, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("stopping " + c + ": " + e);
            }
        }
    }
}
