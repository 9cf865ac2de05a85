package dev.stonks.inttest.cli;

import dev.stonks.inttest.localstack.PostgresConfig;
import dev.stonks.inttest.localstack.PostgresInstance;
import dev.stonks.inttest.localstack.PostgresServer;
import dev.stonks.inttest.localstack.S3Config;
import dev.stonks.inttest.localstack.S3Instance;
import dev.stonks.inttest.localstack.S3Server;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackRecord;
import dev.stonks.inttest.localstack.supervision.DetachedProcess;
import dev.stonks.inttest.localstack.supervision.SupervisedProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The stack's infrastructure beside Kafka: the reporter's PostgreSQL ({@value #HISTORY_DB}: database
 * {@value #DATABASE}, its owner {@value #DB_USER}) and the artifact store ({@value #ARTIFACTS}: s3proxy on the
 * filesystem). Both are detached processes, supervised (restarted on the same port and data), recorded in stack.json
 * as components and stopped by {@link #close()}; whether their data outlives the stack is the caller's choice (a
 * one-shot stack deletes it, the resident stack keeps it).
 */
final class StackInfrastructure implements AutoCloseable {
    static final String HISTORY_DB = "history-db";
    static final String ARTIFACTS = "artifacts";
    static final String DATABASE = "history";
    static final String DB_USER = "inttest";
    static final String BUCKET = "inttest-artifacts";
    static final String REGION = "us-east-1";

    /**
     * Where the two live and with which credentials.
     *
     * @param historyDbDir       PostgreSQL's working directory (PGDATA in {@code data/})
     * @param artifactsDir       s3proxy's working directory (buckets in {@code data/})
     * @param historyDbPassword  the password of {@value #DB_USER}
     * @param artifactsAccessKey the store's access key
     * @param artifactsSecretKey the store's secret key
     */
    record Layout(Path historyDbDir, Path artifactsDir, String historyDbPassword, String artifactsAccessKey,
            String artifactsSecretKey) {
        Layout {
            historyDbDir = historyDbDir.toAbsolutePath();
            artifactsDir = artifactsDir.toAbsolutePath();
        }

        /** Directories under {@code root}, fresh random credentials (a one-shot stack's). */
        static Layout fresh(Path root) {
            return new Layout(root.resolve(HISTORY_DB), root.resolve(ARTIFACTS), randomSecret(), "inttest-"
                    + randomSecret().substring(0, 12), randomSecret());
        }
    }

    private final Layout layout;
    private final LocalStack.Options options;
    private final Consumer<String> report;
    private final Runnable onChange;
    private volatile PostgresInstance db;
    private volatile S3Instance s3;
    private volatile SupervisedProcess dbProcess;
    private volatile SupervisedProcess s3Process;
    private final Map<String, ProcessIdentity> identities = new LinkedHashMap<>();

    StackInfrastructure(Layout layout, LocalStack.Options options, Consumer<String> report, Runnable onChange) {
        this.layout = layout;
        this.options = options;
        this.report = report;
        this.onChange = onChange;
    }

    /** Starts both in parallel; the future completes when both are ready (or one failed). */
    CompletableFuture<Void> startAsync() {
        CompletableFuture<Void> database = CompletableFuture.runAsync(this::startDatabase);
        CompletableFuture<Void> store = CompletableFuture.runAsync(this::startStore);
        return CompletableFuture.allOf(database, store);
    }

    private void startDatabase() {
        PostgresConfig config = PostgresConfig.of(layout.historyDbDir(), DB_USER, layout.historyDbPassword(),
                DATABASE);
        PostgresInstance first = PostgresServer.start(config);
        db = first;
        int port = first.port();
        remember(HISTORY_DB, first.pid());
        dbProcess = new SupervisedProcess(HISTORY_DB, () -> {
            PostgresInstance next = PostgresServer.start(config.withPort(port));
            db = next;
            return DetachedProcess.of(next.pid());
        }, options.restarts(), options.supervise(), first.logFile(), report, restarted -> remember(HISTORY_DB,
                restarted.pid())).supervise(DetachedProcess.of(first.pid()));
        onChange.run();
    }

    private void startStore() {
        S3Config config = S3Config.of(layout.artifactsDir(), layout.artifactsAccessKey(),
                layout.artifactsSecretKey());
        S3Instance first = S3Server.start(config);
        s3 = first;
        int port = first.port();
        remember(ARTIFACTS, first.pid());
        s3Process = new SupervisedProcess(ARTIFACTS, () -> {
            S3Instance next = S3Server.start(config.withPort(port));
            s3 = next;
            return DetachedProcess.of(next.pid());
        }, options.restarts(), options.supervise(), first.logFile(), report, restarted -> remember(ARTIFACTS,
                restarted.pid())).supervise(DetachedProcess.of(first.pid()));
        onChange.run();
    }

    private void remember(String name, long pid) {
        ProcessIdentity.of(pid).ifPresent(id -> {
            synchronized (identities) {
                identities.put(name, id);
            }
        });
        if (dbProcess != null || s3Process != null) {
            onChange.run();
        }
    }

    /** HISTORY_DB_* (contracts.md), for the reporter. */
    Map<String, String> historyDbEnvironment() {
        return Map.of("HISTORY_DB_ADDRESS", "127.0.0.1:" + db.port(),
                "HISTORY_DB_NAME", DATABASE,
                "HISTORY_DB_USER", DB_USER,
                "HISTORY_DB_PASSWORD", layout.historyDbPassword());
    }

    /** ARTIFACTS_* (contracts.md), for the reporter and the tester. */
    Map<String, String> artifactsEnvironment() {
        return Map.of("ARTIFACTS_ENDPOINT", s3.endpoint().toString(),
                "ARTIFACTS_ACCESS_KEY", layout.artifactsAccessKey(),
                "ARTIFACTS_SECRET_KEY", layout.artifactsSecretKey(),
                "ARTIFACTS_BUCKET", BUCKET,
                "ARTIFACTS_REGION", REGION);
    }

    /** Their stack.json entries, as things are now. */
    List<StackRecord.Component> components() {
        List<StackRecord.Component> entries = new ArrayList<>();
        synchronized (identities) {
            PostgresInstance d = db;
            if (d != null) {
                entries.add(new StackRecord.Component(HISTORY_DB, identities.get(HISTORY_DB), d.port(),
                        d.dataDir().toString(), dbProcess == null ? 0 : dbProcess.restarts()));
            }
            S3Instance s = s3;
            if (s != null) {
                entries.add(new StackRecord.Component(ARTIFACTS, identities.get(ARTIFACTS), s.port(),
                        s.dataDir().toString(), s3Process == null ? 0 : s3Process.restarts()));
            }
        }
        return entries;
    }

    Layout layout() {
        return layout;
    }

    /** The postmaster's pid now (tests). */
    long historyDbPid() {
        return dbProcess.pid();
    }

    /** Stops both (no restarts from here on): PostgreSQL by a fast shutdown, s3proxy by SIGTERM. */
    @Override
    public void close() {
        if (dbProcess != null) {
            dbProcess.close();
        }
        if (s3Process != null) {
            s3Process.close();
        }
        CompletableFuture<Void> database = CompletableFuture.runAsync(() -> {
            PostgresInstance d = db;
            if (d != null) {
                PostgresServer.stop(dbProcess == null ? d.pid() : dbProcess.pid());
            }
        });
        CompletableFuture<Void> store = CompletableFuture.runAsync(() -> {
            S3Instance s = s3;
            if (s != null) {
                S3Server.stop(s3Process == null ? s.pid() : s3Process.pid());
            }
        });
        CompletableFuture.allOf(database, store).join();
    }

    /** 48 hex digits from a SecureRandom. */
    static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
}
