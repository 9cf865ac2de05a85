package dev.stonks.inttest.stonks.portfolio;

import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/** query-api: the paper portfolio. */
@Path("/api/portfolio")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    private final PositionRepository portfolio;

    public PortfolioResource(PositionRepository portfolio) {
        this.portfolio = portfolio;
    }

    /** Daily snapshots, newest first; {@code limit} 1..1000 (default 30). */
    @GET
    @Path("snapshots")
    public Uni<List<SnapshotView>> snapshots(@RestQuery String limit) {
        return portfolio.snapshots(Params.intInRange("limit", limit, 30, 1, 1000));
    }

    /** Every position, valued at the last close, by ticker. */
    @GET
    @Path("positions")
    public Uni<List<PositionView>> positions() {
        return portfolio.positions(Optional.empty());
    }
}
