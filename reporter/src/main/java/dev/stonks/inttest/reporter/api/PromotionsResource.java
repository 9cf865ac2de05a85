package dev.stonks.inttest.reporter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.reporter.history.BreakGlassSteps;
import dev.stonks.inttest.reporter.history.HistoryReads;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The promoter's decisions (promotion.decided) kept in the history, newest first, of one run or of all:
 * {@code {"items": [{run_id, image_tag, stage, decision, reason, promotion_name, break_glass, decided_at, backend,
 * deployed}]}}; of one run also {@code "break_glass_used"}: the break-glass steps ({@code used}) that let a
 * promotion of the run through market hours, newest first, as {@code GET /api/break-glass} lists them.
 */
@Path("/api/promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionsResource {
    private final HistoryReads history;
    private final BreakGlassSteps breakGlass;

    public PromotionsResource(HistoryReads history, BreakGlassSteps breakGlass) {
        this.history = history;
        this.breakGlass = breakGlass;
    }

    @GET
    public Uni<Response> promotions(@QueryParam("run_id") String runId, @QueryParam("limit") String limit) {
        int max;
        try {
            if (runId != null && !runId.isEmpty()) {
                Names.requireRunId(runId);
            }
            max = Limits.parse(limit, 100);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(RunsResource.badRequest(e.getMessage()));
        }
        String run = runId == null || runId.isEmpty() ? null : runId;
        return history.promotions(run, max).chain(list -> {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("items", list);
            if (run == null) {
                return Uni.createFrom().item(Response.ok(body).build());
            }
            return breakGlass.usedBy(run).map(used -> {
                body.set("break_glass_used", used);
                return Response.ok(body).build();
            });
        });
    }
}
