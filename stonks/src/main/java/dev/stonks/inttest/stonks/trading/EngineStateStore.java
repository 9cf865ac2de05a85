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
 * The engine's live state in Redis ({@code stonks.trading.engine-key}). The trading service owns it: a missing hash is
 * initialized (field by field with HSETNX, so concurrent first reads agree) from the engine config in the database
 * (mode, kill switch; the configured default mode when there is no config row), state idle (halted when the kill
 * switch is on). Changes of mode and kill switch are written through ({@link #update}).
 */
@ApplicationScoped
public class EngineStateStore {

    private final ReactiveHashCommands<String, String, String> hashes;
    private final EngineConfigRepository configs;
    private final String key;
    private final String defaultMode;
    private final Duration timeout;

    public EngineStateStore(ReactiveRedisDataSource redis, EngineConfigRepository configs, StonksConfig config) {
        this.hashes = redis.hash(String.class);
        this.configs = configs;
        this.key = config.trading().engineKey();
        this.defaultMode = config.trading().defaultMode();
        this.timeout = config.dependencyTimeout();
    }

    public String key() {
        return key;
    }

    public Uni<EngineState> current() {
        return bounded(hashes.hgetall(key)
                .flatMap(hash -> hash.isEmpty() ? initialize() : Uni.createFrom().item(hash))
                .map(EngineState::fromHash));
    }

    /** Writes fields of the state (and {@code updated_at}). */
    public Uni<Void> update(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(EngineState.UPDATED_AT, Instant.now().toString());
        return bounded(current().flatMap(ignored -> hashes.hset(key, all)).replaceWithVoid());
    }

    private Uni<Map<String, String>> initialize() {
        return configs.find()
                .onFailure().recoverWithItem(java.util.Optional.empty())
                .flatMap(config -> {
                    boolean kill = config.map(EngineConfigView::killSwitch).orElse(false);
                    Map<String, String> defaults = new LinkedHashMap<>();
                    defaults.put(EngineState.MODE, config.map(EngineConfigView::mode).orElse(defaultMode));
                    defaults.put(EngineState.KILL_SWITCH, Boolean.toString(kill));
                    defaults.put(EngineState.STATE, kill ? "halted" : "idle");
                    defaults.put(EngineState.UPDATED_AT, Instant.now().toString());
                    Uni<Boolean> writes = Uni.createFrom().item(true);
                    for (Map.Entry<String, String> field : defaults.entrySet()) {
                        writes = writes.flatMap(ignored -> hashes.hsetnx(key, field.getKey(), field.getValue()));
                    }
                    return writes.flatMap(ignored -> hashes.hgetall(key));
                });
    }

    private <T> Uni<T> bounded(Uni<T> call) {
        return call.ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                "redis did not answer within " + timeout.toMillis() + " ms"));
    }
}
