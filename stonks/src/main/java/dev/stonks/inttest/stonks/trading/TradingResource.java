package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** trading: engine status (first cut). */
@Path("/api/trading")
@Produces(MediaType.APPLICATION_JSON)
public class TradingResource {

    private final EngineStateStore engine;
    private final RiskClient risk;

    public TradingResource(EngineStateStore engine, RiskClient risk) {
        this.engine = engine;
        this.risk = risk;
    }

    /** Mode, kill switch and engine state from Redis; 503 when Redis cannot be reached. */
    @GET
    @Path("status")
    public Uni<TradingStatus> status() {
        Uni<EngineState> state = engine.current().onFailure().transform(
                e -> ApiException.unavailable("the trading engine state (redis) is unavailable: " + e.getMessage(), e));
        return Uni.combine().all().unis(state, risk.reachability())
                .with((s, r) -> new TradingStatus(s.mode(), s.killSwitch(), s.state(), s.updatedAt(), engine.key(), r));
    }
}
