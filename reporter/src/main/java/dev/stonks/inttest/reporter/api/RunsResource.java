package dev.stonks.inttest.reporter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.reporter.history.HistoryReads;
import dev.stonks.inttest.reporter.history.RunQuery;
import dev.stonks.inttest.support.http.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The results API, from the history (any replica answers for any run): the runs list (filters, pages), a run's
 * results (or, in flight, its stages so far), the latest results of an image tag (what Kargo's verification asks
 * before promoting). Bad input is a 400 problem, an unknown run a 404 problem.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {
    private final HistoryReads history;

    public RunsResource(HistoryReads history) {
        this.history = history;
    }

    /** {@code {"items": [RunSummary...], "page", "size", "total"}}, newest first. */
    @GET
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("image_tag") String imageTag,
            @QueryParam("branch") String branch, @QueryParam("page") String page, @QueryParam("size") String size) {
        RunQuery query;
        try {
            query = RunQuery.parse(status, imageTag, branch, page, size);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(badRequest(e.getMessage()));
        }
        return history.page(query).map(body -> Response.ok(body).build());
    }

    @GET
    @Path("/latest")
    public Uni<Response> latest(@QueryParam("image_tag") String imageTag) {
        if (imageTag == null) {
            return Uni.createFrom().item(badRequest("query parameter image_tag is required"));
        }
        try {
            Names.requireImageTag(imageTag);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(badRequest(e.getMessage()));
        }
        return history.latest(imageTag).map(r -> found(r, "no finished run of image tag '" + imageTag + "'"));
    }

    @GET
    @Path("/{runId}")
    public Uni<Response> run(@PathParam("runId") String runId) {
        try {
            Names.requireRunId(runId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(badRequest(e.getMessage()));
        }
        return history.run(runId).map(r -> found(r, "no run '" + runId + "'"));
    }

    static Response found(Optional<ObjectNode> body, String notFound) {
        return body.map(r -> Response.ok(r).build()).orElseGet(() -> Problem.of(404, "Not Found", notFound).response());
    }

    static Response badRequest(String detail) {
        return Problem.of(400, "Bad Request", detail).response();
    }
}
