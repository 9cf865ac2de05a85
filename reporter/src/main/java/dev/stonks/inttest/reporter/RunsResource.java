package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Names;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import dev.stonks.inttest.support.http.Problem;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The results API: a finished run's {@code inttest-results.json}, and the latest one of an image tag (what Kargo's
 * verification asks before promoting). Errors are JSON problem bodies.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {
    private final VerdictArchive archive;

    public RunsResource(VerdictArchive archive) {
        this.archive = archive;
    }

    @GET
    @Path("/latest")
    public Response latest(@QueryParam("image_tag") String imageTag) {
        if (imageTag == null) {
            return problem(400, "Bad Request", "query parameter image_tag is required");
        }
        try {
            Names.requireImageTag(imageTag);
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad Request", e.getMessage());
        }
        return found(archive.latest(imageTag), "no finished run of image tag '" + imageTag + "'");
    }

    @GET
    @Path("/{runId}")
    public Response run(@PathParam("runId") String runId) {
        try {
            Names.requireRunId(runId);
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad Request", e.getMessage());
        }
        return found(archive.run(runId), "no finished run '" + runId + "'");
    }

    private static Response found(Optional<ObjectNode> results, String notFound) {
        return results.map(r -> Response.ok(r).build()).orElseGet(() -> problem(404, "Not Found", notFound));
    }

    private static Response problem(int status, String title, String detail) {
        return Problem.of(status, title, detail).response();
    }
}
