package dev.stonks.inttest.promoter.api;

import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.promoter.chain.PromotionBackend;
import dev.stonks.inttest.promoter.local.LocalEnvironments;
import dev.stonks.inttest.support.http.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/environments}: with the local backend, its record of the environments (which image tag each one
 * holds, every promotion recorded; nothing deployed). With Kargo the cluster is the record: 404 problem.
 */
@Path("/api/environments")
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentsResource {
    private final PromotionBackend backend;

    public EnvironmentsResource(PromotionBackend backend) {
        this.backend = backend;
    }

    @GET
    public Response environments() {
        if (backend instanceof LocalEnvironments local) {
            return Response.ok(Json.MAPPER.valueToTree(local.record())).build();
        }
        return Problem.of(404, "Not Found", "the promoter uses Kargo: the environments are the Kargo Stages in "
                + backend.namespace()).response();
    }
}
