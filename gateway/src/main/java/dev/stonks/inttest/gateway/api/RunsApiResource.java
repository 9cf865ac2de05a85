package dev.stonks.inttest.gateway.api;

import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.gateway.http.JsonBodies;
import dev.stonks.inttest.gateway.runs.RunEvents;
import dev.stonks.inttest.gateway.runs.RunRequests;
import dev.stonks.inttest.support.auth.Callers;
import dev.stonks.inttest.support.auth.RequiresRole;
import dev.stonks.inttest.support.auth.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The API for people and CI: request a run, cancel one. Each answers 202 once Kafka acknowledged the event (the run
 * itself is followed on the bus or through the reporter); invalid input is a 400 problem naming the field, and nothing
 * is emitted. Blocking: the methods wait for Kafka's acknowledgement. Both need a bearer token with the role
 * {@value Roles#RUNS_WRITE}; who asked (requested_by) is the token's principal.
 */
@Path("/api/runs")
@RequiresRole(Roles.RUNS_WRITE)
@Produces(MediaType.APPLICATION_JSON)
public class RunsApiResource {
    private static final Logger LOG = Logger.getLogger(RunsApiResource.class);
    private final RunRequests requests;
    private final RunEvents events;

    public RunsApiResource(RunRequests requests, RunEvents events) {
        this.requests = requests;
        this.events = events;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@Context SecurityContext caller, byte[] body) {
        RunRequestBody b = JsonBodies.read(body, RunRequestBody.class, null);
        RunRequested request = requests.forApi(b.imageTag(), b.namespace(), b.skipTeardown(), b.scale(), b.backend(),
                Callers.of(caller).name(), Instant.now());
        events.publish(request);
        LOG.infof("run %s: requested through the API by %s (image tag %s, backend %s, scale %d%s)", request.runId(),
                request.requestedBy(), request.imageTag(), request.backend(), request.scale(),
                request.skipTeardown() ? ", skip teardown" : "");
        return Response.accepted(new RunAccepted(request.runId(), request.imageTag(), request.namespace(),
                request.backend())).build();
    }

    @POST
    @Path("/{run_id}/cancel")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response cancel(@Context SecurityContext caller, @PathParam("run_id") String runId, byte[] body) {
        CancelRequestBody b = JsonBodies.read(body, CancelRequestBody.class, CancelRequestBody.NONE);
        RunCancelRequested cancel = requests.cancel(runId, b.reason(), Callers.of(caller).name(), Instant.now());
        events.publish(cancel);
        LOG.infof("run %s: cancellation requested through the API by %s (%s)", cancel.runId(), cancel.requestedBy(),
                cancel.reason());
        return Response.accepted(new CancelAccepted(cancel.runId(), cancel.reason())).build();
    }
}
