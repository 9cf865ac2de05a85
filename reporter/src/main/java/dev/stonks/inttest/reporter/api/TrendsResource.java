package dev.stonks.inttest.reporter.api;

import dev.stonks.inttest.reporter.history.HistoryReads;
import dev.stonks.inttest.reporter.history.RunQuery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Pipeline and stage durations and each endpoint's P95 across the latest finished runs, oldest first. */
@Path("/api/trends")
@Produces(MediaType.APPLICATION_JSON)
public class TrendsResource {
    private final HistoryReads history;

    public TrendsResource(HistoryReads history) {
        this.history = history;
    }

    @GET
    public Uni<Response> trends(@QueryParam("image_tag") String imageTag, @QueryParam("branch") String branch,
            @QueryParam("limit") String limit) {
        int max;
        try {
            // the same rules as the runs list's filters
            RunQuery filters = RunQuery.parse(null, imageTag, branch, null, null);
            max = Limits.parse(limit, 50);
            return history.trends(filters.imageTag(), filters.branch(), max).map(b -> Response.ok(b).build());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(RunsResource.badRequest(e.getMessage()));
        }
    }
}
