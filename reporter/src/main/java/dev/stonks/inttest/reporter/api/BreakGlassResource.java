package dev.stonks.inttest.reporter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.reporter.history.BreakGlassSteps;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The promoter's break-glass audit trail kept in the history, newest first: {@code {"items": [{event_id,
 * break_glass_id, action, by, reason, opened_by, opened_at, expires_at, approvals_required, approved_by, run_id,
 * stage, at}]}}.
 */
@Path("/api/break-glass")
@Produces(MediaType.APPLICATION_JSON)
public class BreakGlassResource {
    private final BreakGlassSteps steps;

    public BreakGlassResource(BreakGlassSteps steps) {
        this.steps = steps;
    }

    @GET
    public Uni<Response> steps(@QueryParam("limit") String limit) {
        int max;
        try {
            max = Limits.parse(limit, 100);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(RunsResource.badRequest(e.getMessage()));
        }
        return steps.newest(max).map(list -> {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("items", list);
            return Response.ok(body).build();
        });
    }
}
