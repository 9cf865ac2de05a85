package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Bodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** trading: engine status (Redis), its configuration (database) and the kill switch (both). */
@Path("/api/trading")
@Produces(MediaType.APPLICATION_JSON)
public class TradingResource {

    private final EngineStateStore engine;
    private final EngineConfigRepository configs;
    private final RiskClient risk;

    public TradingResource(EngineStateStore engine, EngineConfigRepository configs, RiskClient risk) {
        this.engine = engine;
        this.configs = configs;
        this.risk = risk;
    }

    /** Mode, kill switch and engine state from Redis; 503 when Redis cannot be reached. */
    @GET
    @Path("status")
    public Uni<TradingStatus> status() {
        Uni<EngineState> state = engine.current().onFailure().transform(TradingResource::redisDown);
        return Uni.combine().all().unis(state, risk.reachability())
                .with((s, r) -> new TradingStatus(s.mode(), s.killSwitch(), s.state(), s.updatedAt(), engine.key(), r));
    }

    @GET
    @Path("config")
    public Uni<EngineConfigView> config() {
        return configs.find().map(found -> found.orElseThrow(TradingResource::noConfig));
    }

    /** Replaces the engine configuration; mode and kill switch are written through to the live state in Redis. */
    @PUT
    @Path("config")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EngineConfigView> updateConfig(EngineConfigInput body) {
        EngineConfigInput input = Bodies.present(body).validated();
        return configs.update(input)
                .map(found -> found.orElseThrow(TradingResource::noConfig))
                .flatMap(updated -> engine.update(Map.of(EngineState.MODE, updated.mode(),
                                EngineState.KILL_SWITCH, Boolean.toString(updated.killSwitch())))
                        .onFailure().transform(TradingResource::redisDown)
                        .replaceWith(updated));
    }

    /**
     * Engages ({@code "active": true}: every new order is rejected by risk, the engine halts) or releases the kill
     * switch, in the database (what risk reads) and in Redis (the engine's live state).
     */
    @POST
    @Path("kill-switch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TradingStatus> killSwitch(KillSwitchInput body) {
        KillSwitchInput input = Bodies.present(body).validated();
        boolean active = input.active();
        return configs.setKillSwitch(active, input.reason() == null ? "api" : "api: " + input.reason())
                .map(found -> found.orElseThrow(TradingResource::noConfig))
                .flatMap(updated -> engine.update(Map.of(EngineState.KILL_SWITCH, Boolean.toString(active),
                        EngineState.STATE, active ? "halted" : "idle")).onFailure().transform(TradingResource::redisDown))
                .flatMap(ignored -> status());
    }

    private static ApiException noConfig() {
        return ApiException.unavailable("the trading engine has no configuration row (trading_engine_config is empty:"
                + " was the database seeded?)", null);
    }

    private static Throwable redisDown(Throwable e) {
        return e instanceof ApiException ? e
                : ApiException.unavailable("the trading engine state (redis) is unavailable: " + e.getMessage(), e);
    }
}
