package dev.stonks.inttest.stonks.health;

import dev.stonks.inttest.stonks.config.StonksConfig;
import dev.stonks.inttest.stonks.storage.ObjectStorage;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reachability of the database, Redis and the object store, each bounded by {@code stonks.dependency-timeout}.
 * A probe never fails: an unreachable dependency is a {@code down} {@link Probe} with the reason. Shared by the
 * readiness checks and {@code GET /api/ops/pipeline/health}.
 */
@ApplicationScoped
public class DependencyProbes {

    private final Pool pool;
    private final ReactiveRedisDataSource redis;
    private final ObjectStorage storage;
    private final Duration timeout;

    public DependencyProbes(Pool pool, ReactiveRedisDataSource redis, ObjectStorage storage, StonksConfig config) {
        this.pool = pool;
        this.redis = redis;
        this.storage = storage;
        this.timeout = config.dependencyTimeout();
    }

    public Uni<Probe> database() {
        return probe(() -> pool.query("SELECT 1").execute().replaceWithVoid());
    }

    public Uni<Probe> redis() {
        return probe(() -> redis.execute("PING").replaceWithVoid());
    }

    public Uni<Probe> objectStore() {
        return probe(storage::checkBucket);
    }

    private Uni<Probe> probe(Supplier<Uni<Void>> call) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            Uni<Void> attempt;
            try {
                attempt = call.get();
            } catch (RuntimeException e) {
                attempt = Uni.createFrom().failure(e);
            }
            return attempt
                    .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                            "no answer within " + timeout.toMillis() + " ms"))
                    .map(ignored -> Probe.up(millisSince(started)))
                    .onFailure().recoverWithItem(e -> Probe.down(millisSince(started), describe(e)));
        });
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
