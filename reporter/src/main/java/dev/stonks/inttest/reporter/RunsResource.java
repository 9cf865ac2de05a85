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
import dev.stonks.inttest.events.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The results API: a finished run's {@code inttest-results.json}, the latest one of an image tag (what Kargo's
 * verification asks before promoting), and the runs in flight. Errors are JSON problem bodies.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {
    static final String RUNNING = "running";

    private final VerdictArchive archive;
    private final Runs runs;

    public RunsResource(VerdictArchive archive, Runs runs) {
        this.archive = archive;
        this.runs = runs;
    }

    /**
     * {@code ?status=running}: the runs in flight (begun, without a verdict yet) as {@code [{run_id, stage, attempt,
     * started_at}]}, oldest first. Other listings are not served (yet): any other status, or none, is a 400.
     */
    @GET
    public Response list(@QueryParam("status") String status) {
        if (!RUNNING.equals(status)) {
            return problem(400, "Bad Request", status == null ? "query parameter status is required; the only "
                    + "value served is 'running'" : "status '" + status + "' is not served; the only value is "
                    + "'running'");
        }
        List<RunInFlight> inFlight = runs.inFlight().stream().map(RunState::inFlightView)
                .sorted(Comparator.comparing(RunInFlight::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RunInFlight::runId))
                .toList();
        return Response.ok(Json.tree(inFlight)).build();
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
