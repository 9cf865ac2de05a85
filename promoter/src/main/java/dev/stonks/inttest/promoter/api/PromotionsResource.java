package dev.stonks.inttest.promoter.api;

import dev.stonks.inttest.support.http.Problem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.promoter.chain.PromotionChain;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /api/promotions[?image_tag=]}: the promotion chains the promoter holds (in flight and recently
 * finished), oldest first, each with where it stands and every decision made.
 */
@Path("/api/promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionsResource {
    private final PromotionChain chain;

    public PromotionsResource(PromotionChain chain) {
        this.chain = chain;
    }

    @GET
    public Response list(@QueryParam("image_tag") String imageTag) {
        if (imageTag != null) {
            try {
                Names.requireImageTag(imageTag);
            } catch (IllegalArgumentException e) {
                return Problem.of(400, "Bad Request", e.getMessage()).response();
            }
        }
        ArrayNode body = Json.MAPPER.valueToTree(chain.chains(Optional.ofNullable(imageTag)));
        body.forEach(c -> ((ObjectNode) c).remove("published"));
        return Response.ok(body).build();
    }
}
