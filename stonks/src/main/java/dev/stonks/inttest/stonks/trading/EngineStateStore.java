package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.config.StonksConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine state in Redis ({@code stonks.trading.engine-key}). The trading service owns it: a missing hash is
 * initialized (field by field with HSETNX, so concurrent first reads agree) to the configured mode, kill switch
 * off, state idle.
 */
@ApplicationScoped
public class EngineStateStore {

    private final ReactiveHashCommands<String, String, String> hashes;
    private final String key;
    private final String defaultMode;
    private final Duration timeout;

    public EngineStateStore(ReactiveRedisDataSource redis, StonksConfig config) {
        this.hashes = redis.hash(String.class);
        this.key = config.trading().engineKey();
        this.defaultMode = config.trading().defaultMode();
        this.timeout = config.dependencyTimeout();
    }

    public String key() {
        return key;
    }

    public Uni<EngineState> current() {
        return hashes.hgetall(key)
                .flatMap(hash -> hash.isEmpty() ? initialize() : Uni.createFrom().item(hash))
                .map(EngineState::fromHash)
                .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                        "redis did not answer within " + timeout.toMillis() + " ms"));
    }

    private Uni<Map<String, String>> initialize() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(EngineState.MODE, defaultMode);
        defaults.put(EngineState.KILL_SWITCH, "false");
        defaults.put(EngineState.STATE, "idle");
        defaults.put(EngineState.UPDATED_AT, Instant.now().toString());
        Uni<Boolean> writes = Uni.createFrom().item(true);
        for (Map.Entry<String, String> field : defaults.entrySet()) {
            writes = writes.flatMap(ignored -> hashes.hsetnx(key, field.getKey(), field.getValue()));
        }
        return writes.flatMap(ignored -> hashes.hgetall(key));
    }
}
