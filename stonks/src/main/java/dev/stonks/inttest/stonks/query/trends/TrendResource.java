package dev.stonks.inttest.stonks.query.trends;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** query-api: trends. */
@Path("/api/trends")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    private final TrendRepository trends;

    public TrendResource(TrendRepository trends) {
        this.trends = trends;
    }

    /**
     * Trend windows of every company, most confident first: {@code direction} bullish|bearish|mixed,
     * {@code min_confidence} 0..1, {@code limit} 1..500 (default 100).
     */
    @GET
    public Uni<List<TrendWindowSummary>> list(@RestQuery String direction,
            @RestQuery("min_confidence") String minConfidence, @RestQuery String limit) {
        Optional<String> wanted = Params.oneOf("direction", direction, List.of("bullish", "bearish", "mixed"));
        double floor = Params.doubleInRange("min_confidence", minConfidence, 0, 1).orElse(0);
        return trends.search(wanted, floor, Params.intInRange("limit", limit, 100, 1, 500));
    }

    /** One trend window with its evidence and projections. */
    @GET
    @Path("{id}")
    public Uni<TrendDetail> get(@RestPath String id) {
        UUID trendId = Params.uuid("id", id);
        return trends.detail(trendId).map(found -> found.orElseThrow(
                () -> ApiException.notFound("trend " + trendId + " does not exist")));
    }
}
