package dev.stonks.inttest.stonks.query.recommendations;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** query-api: recommendations. */
@Path("/api/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final RecommendationRepository recommendations;

    public RecommendationResource(RecommendationRepository recommendations) {
        this.recommendations = recommendations;
    }

    /** Newest first: {@code status} open|closed, {@code limit} 1..500 (default 100). */
    @GET
    public Uni<List<RecommendationSummary>> list(@RestQuery String status, @RestQuery String limit) {
        return recommendations.list(Params.oneOf("status", status, List.of("open", "closed")),
                Params.intInRange("limit", limit, 100, 1, 500));
    }

    /** One recommendation with its citations. */
    @GET
    @Path("{id}")
    public Uni<RecommendationDetail> get(@RestPath String id) {
        UUID recommendationId = Params.uuid("id", id);
        return recommendations.detail(recommendationId).map(found -> found.orElseThrow(
                () -> ApiException.notFound("recommendation " + recommendationId + " does not exist")));
    }
}
