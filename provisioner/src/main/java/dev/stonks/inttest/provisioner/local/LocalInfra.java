package dev.stonks.inttest.provisioner.local;

import static dev.stonks.inttest.localstack.sandbox.LocalSandbox.POSTGRES;
import static dev.stonks.inttest.localstack.sandbox.LocalSandbox.REDIS;
import static dev.stonks.inttest.localstack.sandbox.LocalSandbox.S3;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.ComponentStatus;
import dev.stonks.inttest.events.output.InfraOutput;
import dev.stonks.inttest.localstack.PostgresConfig;
import dev.stonks.inttest.localstack.PostgresInstance;
import dev.stonks.inttest.localstack.PostgresServer;
import dev.stonks.inttest.localstack.RedisConfig;
import dev.stonks.inttest.localstack.RedisInstance;
import dev.stonks.inttest.localstack.RedisServer;
import dev.stonks.inttest.localstack.S3Config;
import dev.stonks.inttest.localstack.S3Instance;
import dev.stonks.inttest.localstack.S3Server;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.backend.InfraDeployment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The infrastructure of a local sandbox: a real PostgreSQL 16, Redis and the S3 store, started in parallel on free
 * loopback ports, each recorded in sandbox.json as soon as it is up, then the bucket.
 */
final class LocalInfra {
    static final List<String> COMPONENTS = List.of(POSTGRES, REDIS, S3);
    private static final Logger LOG = Logger.getLogger(LocalInfra.class);

    private final LocalSettings settings;
    private final Executor executor;

    LocalInfra(LocalSettings settings, Executor executor) {
        this.settings = settings;
        this.executor = executor;
    }

    /** Starts the three components; fails with {@code infra_not_ready} naming each one that did not come up. */
    InfraDeployment start(String runId, int attempt, LocalSandbox sandbox, SandboxSecrets secrets) {
        Map<String, CompletableFuture<SandboxComponent>> started = new LinkedHashMap<>();
        started.put(POSTGRES, startAsync(runId, sandbox, POSTGRES, () -> postgres(sandbox, secrets, attempt)));
        started.put(REDIS, startAsync(runId, sandbox, REDIS, () -> redis(sandbox, secrets, attempt)));
        started.put(S3, startAsync(runId, sandbox, S3, () -> s3(runId, sandbox, secrets, attempt)));
        List<String> failures = new ArrayList<>();
        started.forEach((name, future) -> {
            try {
                future.join();
            } catch (RuntimeException e) {
                failures.add(Failures.describe(name, e, logOf(sandbox, name), settings.logTailLines()));
            }
        });
        if (!failures.isEmpty()) {
            LOG.errorf("run %s: infrastructure of %s did not start:%n%s", runId, sandbox.namespace(),
                    String.join(System.lineSeparator(), failures));
            throw new StageFailedException(FailureKinds.INFRA_NOT_READY,
                    "infrastructure did not start in " + sandbox.dir() + ": " + String.join("; ", failures));
        }
        return deployment(sandbox.reload());
    }

    /** Whether every component of the record still runs (the very processes recorded) and accepts connections. */
    static boolean isHealthy(SandboxRecord record) {
        for (String name : COMPONENTS) {
            SandboxComponent c = record.components().get(name);
            if (c == null || c.readyS() == null || !c.isRunning() || !accepts(c.port())) {
                return false;
            }
        }
        return true;
    }

    /** The stage's output and endpoints, from what sandbox.json records. */
    static InfraDeployment deployment(SandboxRecord record) {
        Map<String, ComponentStatus> components = new TreeMap<>();
        Map<String, String> endpoints = new TreeMap<>();
        for (String name : COMPONENTS) {
            SandboxComponent c = record.components().get(name);
            components.put(name, new ComponentStatus(c.endpoint(), c.readyS() == null ? 0 : c.readyS(), c.pid()));
            endpoints.put(name, c.endpoint());
        }
        return new InfraDeployment(new InfraOutput(RunContext.BACKEND_LOCAL, record.namespace(), components),
                endpoints);
    }

    private CompletableFuture<SandboxComponent> startAsync(String runId, LocalSandbox sandbox, String name,
            Supplier<SandboxComponent> start) {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            SandboxComponent component = start.get().withReadyS((System.nanoTime() - t0) / 1e9);
            sandbox.update(r -> r.withComponent(name, component));
            LOG.infof("run %s: %s ready at %s (pid %d) in %.1f s", runId, name, component.endpoint(),
                    component.pid(), component.readyS());
            return component;
        }, executor);
    }

    private SandboxComponent postgres(LocalSandbox sandbox, SandboxSecrets secrets, int attempt) {
        PostgresInstance pg = PostgresServer.start(new PostgresConfig(sandbox.componentDir(POSTGRES), 0,
                secrets.postgresUser(), secrets.postgresPassword(), secrets.postgresDatabase()),
                settings.infraTimeout());
        String endpoint = "postgresql://127.0.0.1:" + pg.port() + "/" + pg.database();
        return SandboxComponent.of(ComponentKind.INFRA, ProcessIdentity.ofRunning(pg.pid()), pg.port(), endpoint,
                pg.dataDir(), pg.logFile(), attempt);
    }

    private SandboxComponent redis(LocalSandbox sandbox, SandboxSecrets secrets, int attempt) {
        RedisInstance redis = RedisServer.start(new RedisConfig(sandbox.componentDir(REDIS), 0,
                secrets.redisPassword()), settings.infraTimeout());
        return SandboxComponent.of(ComponentKind.INFRA, ProcessIdentity.ofRunning(redis.pid()), redis.port(),
                redis.uri(), redis.dir(), redis.logFile(), attempt);
    }

    private SandboxComponent s3(String runId, LocalSandbox sandbox, SandboxSecrets secrets, int attempt) {
        S3Instance s3 = S3Server.start(new S3Config(sandbox.componentDir(S3), 0, secrets.s3AccessKey(),
                secrets.s3SecretKey()), settings.infraTimeout());
        SandboxComponent component = SandboxComponent.of(ComponentKind.INFRA, ProcessIdentity.ofRunning(s3.pid()),
                s3.port(), s3.endpoint().toString(), s3.dataDir(), s3.logFile(), attempt);
        // recorded before the bucket, so a failure here still leaves the process to teardown
        sandbox.update(r -> r.withComponent(S3, component));
        Buckets.ensure(s3.endpoint(), secrets.s3AccessKey(), secrets.s3SecretKey(), secrets.s3Bucket());
        LOG.infof("run %s: bucket %s created", runId, secrets.s3Bucket());
        return component;
    }

    static Path logOf(LocalSandbox sandbox, String name) {
        return switch (name) {
            case POSTGRES -> sandbox.componentDir(POSTGRES).resolve("postgres.log");
            case REDIS -> sandbox.componentDir(REDIS).resolve("redis.log");
            case S3 -> sandbox.componentDir(S3).resolve("s3proxy.log");
            default -> null;
        };
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
