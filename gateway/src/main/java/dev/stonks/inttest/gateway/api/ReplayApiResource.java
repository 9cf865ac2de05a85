package dev.stonks.inttest.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.events.ReplayRules;
import dev.stonks.inttest.events.RunReplayRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.gateway.http.GatewayException;
import dev.stonks.inttest.gateway.http.JsonBodies;
import dev.stonks.inttest.gateway.replay.ReporterRuns;
import dev.stonks.inttest.gateway.runs.RunEvents;
import dev.stonks.inttest.support.auth.Callers;
import dev.stonks.inttest.support.auth.RequiresRole;
import dev.stonks.inttest.support.auth.Roles;
import dev.stonks.inttest.support.http.Problem;
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
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/runs/{run_id}/replay}: re-runs a stage of a finished run and every stage after it, as the run's
 * next attempt. The door asks the reporter about the run first and refuses at once what the reporter would refuse
 * ({@link ReplayRules}: 404 unknown run; 409 in flight, cancelled, sandbox torn down, or a stage whose trigger never
 * completed ok, naming the stage to replay from instead; 400 bad input); else it publishes run.replay-requested and
 * answers 202. The reporter re-emits the stage's trigger; follow the run through the reporter.
 */
@Path("/api/runs/{run_id}/replay")
@RequiresRole(Roles.RUNS_WRITE)
@Produces(MediaType.APPLICATION_JSON)
public class ReplayApiResource {
    private static final Logger LOG = Logger.getLogger(ReplayApiResource.class);
    private final ReporterRuns reporter;
    private final RunEvents events;

    public ReplayApiResource(ReporterRuns reporter, RunEvents events) {
        this.reporter = reporter;
        this.events = events;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replay(@Context SecurityContext caller, @PathParam("run_id") String runId, byte[] body) {
        ReplayRequestBody b = JsonBodies.read(body, ReplayRequestBody.class, null);
        check("run_id", () -> Names.requireRunId(runId));
        if (b.fromStage() == null) {
            throw GatewayException.invalidField("from_stage", "from_stage is required: one of " + stages());
        }
        Stage from;
        try {
            from = Stage.fromId(b.fromStage());
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalidField("from_stage", "unknown stage; one of " + stages());
        }
        if (b.imageTag() != null) {
            check("image_tag", () -> Names.requireImageTag(b.imageTag()));
        }
        if (!reporter.configured()) {
            return new Problem("urn:inttest:problem:replay-not-configured", "Replay not configured", 503,
                    "the gateway does not know the reporter (REPLAY_REPORTER_URL), so it cannot check the run",
                    null, null).response();
        }
        Optional<JsonNode> run;
        try {
            run = reporter.run(runId);
        } catch (ReporterRuns.Unavailable e) {
            LOG.warnf("run %s: replay not checked: %s", runId, e.getMessage());
            return new Problem("urn:inttest:problem:reporter-unavailable", "Reporter unavailable", 503,
                    e.getMessage(), null, null).responseBuilder().header("Retry-After", "5").build();
        }
        Optional<ReplayRules.Refusal> refusal = ReplayRules.check(runId, run.orElse(null),
                run.map(ReporterRuns::inFlight).orElse(false), from, b.imageTag());
        if (refusal.isPresent()) {
            int status = refusal.get().status();
            String slug = status == 404 ? "unknown-run" : status == 400 ? "invalid-request" : "replay-refused";
            return new Problem("urn:inttest:problem:" + slug, status == 404 ? "Unknown run" : status == 400
                    ? "Invalid request" : "Replay refused", status, refusal.get().message(),
                    status == 400 ? "image_tag" : null, null).response();
        }
        String who = Callers.of(caller).name();
        RunReplayRequested request = new RunReplayRequested(runId, from, Instant.now(), who, b.imageTag());
        events.publish(request);
        int attempt = ReplayRules.attempt(run.get()) + 1;
        LOG.infof("run %s: replay from %s (attempt %d%s) requested through the API by %s", runId, from.id(), attempt,
                b.imageTag() == null ? "" : ", image tag " + b.imageTag(), who);
        return Response.accepted(new ReplayAccepted(runId, from.id(), attempt, b.imageTag(), who)).build();
    }

    private static String stages() {
        return Arrays.stream(Stage.values()).map(Stage::id).collect(Collectors.joining(", "));
    }

    private static void check(String field, Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalidField(field, field + ": " + e.getMessage());
        }
    }
}
