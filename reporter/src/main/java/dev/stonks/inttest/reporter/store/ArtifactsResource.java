package dev.stonks.inttest.reporter.store;

import dev.stonks.inttest.artifacts.Artifact;
import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.artifacts.ArtifactStoreException;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.support.http.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A run's artifacts from the object store: the list ({@code [{name, content_type, size, url}]}, as in the results)
 * and each one's bytes with its content type. An unknown run or name is a 404 problem, a store that fails a 502.
 */
@Path("/api/runs/{runId}/artifacts")
@Blocking
public class ArtifactsResource {
    private static final Logger LOG = Logger.getLogger(ArtifactsResource.class);
    private final ArtifactStore store;
    private final ResultsArtifacts artifacts;

    public ArtifactsResource(ArtifactStore store, ResultsArtifacts artifacts) {
        this.store = store;
        this.artifacts = artifacts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("runId") String runId) {
        Optional<Response> bad = badRunId(runId);
        if (bad.isPresent()) {
            return bad.get();
        }
        try {
            return Response.ok(artifacts.list(runId)).build();
        } catch (ArtifactStoreException e) {
            return storeFailed(runId, e);
        }
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("runId") String runId, @PathParam("name") String name) {
        Optional<Response> bad = badRunId(runId);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (name == null || !ArtifactStore.NAME.matcher(name).matches()) {
            return Problem.of(400, "Bad Request", "'" + name + "' is not an artifact name ("
                    + ArtifactStore.NAME.pattern() + ")").response();
        }
        try {
            Optional<Artifact> artifact = store.get(runId, name);
            return artifact.map(a -> Response.ok(a.content()).type(a.ref().contentType()).build())
                    .orElseGet(() -> Problem.of(404, "Not Found", "run '" + runId + "' has no artifact '" + name
                            + "'").response());
        } catch (ArtifactStoreException e) {
            return storeFailed(runId, e);
        }
    }

    private static Optional<Response> badRunId(String runId) {
        try {
            Names.requireRunId(runId);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(Problem.of(400, "Bad Request", e.getMessage()).response());
        }
    }

    private static Response storeFailed(String runId, ArtifactStoreException e) {
        LOG.warnf("run %s: the artifact store failed: %s", runId, e.getMessage());
        return Problem.of(502, "Bad Gateway", "the artifact store failed: " + e.getMessage()).response();
    }
}
