package dev.stonks.inttest.promoter.breakglass;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.promoter.config.PromoterConfig;
import dev.stonks.inttest.support.auth.Callers;
import dev.stonks.inttest.support.auth.RequiresRole;
import dev.stonks.inttest.support.auth.Roles;
import dev.stonks.inttest.support.http.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The break-glass API. Opening ({@code POST}) and closing ({@code DELETE}) need the role
 * {@value Roles#BREAK_GLASS}, approving ({@code POST /{id}/approve}) {@value Roles#APPROVE}; who did it is the
 * caller's principal. Reading is open. Invalid input is a 400 problem listing every error, and nothing is stored or
 * emitted; so is every refusal (401, 403, 404, 409).
 */
@Path("/api/break-glass")
@Produces(MediaType.APPLICATION_JSON)
public class BreakGlassResource {
    private final BreakGlassStore store;
    private final Clock clock;
    private final Duration maxDuration;
    private final int approvals;

    public BreakGlassResource(BreakGlassStore store, Clock clock, PromoterConfig config) {
        this.store = store;
        this.clock = clock;
        this.maxDuration = config.breakGlass().maxDuration();
        this.approvals = config.breakGlass().approvals();
    }

    /** A break-glass as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String id, String state, boolean active, String openedBy, String reason, Instant openedAt,
            Instant expiresAt, int approvalsRequired, List<BreakGlass.Approval> approvals, Instant closedAt,
            String closedBy) {
        static View of(BreakGlass b, Instant now) {
            return new View(b.id(), b.stateAt(now), b.isActiveAt(now), b.openedBy(), b.reason(), b.openedAt(),
                    b.expiresAt(), b.approvalsRequired(), b.approvals(), b.closedAt(), b.closedBy());
        }
    }

    /** {@code GET}: the one that counts now (if any) and every break-glass ever opened, newest first. */
    public record Listing(String active, List<View> breakGlasses) {
    }

    /** The body is taken as text and read here, so that any malformed body is answered with a problem. */
    @POST
    @RequiresRole(Roles.BREAK_GLASS)
    @Consumes(MediaType.WILDCARD)
    public Response open(@Context SecurityContext caller, String body) {
        Instant now = clock.instant();
        BreakGlassRequest.Parsed request;
        try {
            request = BreakGlassRequest.parse(body, now, maxDuration);
        } catch (InvalidBreakGlassException e) {
            return new Problem("urn:inttest:problem:invalid-request", "Invalid break-glass", 400,
                    "the break-glass was not opened: " + e.getMessage(), null, e.problems()).response();
        }
        BreakGlass opened = store.open(Callers.of(caller).name(), request.reason(), now, request.expiresAt(),
                approvals);
        return Response.status(201).entity(json(View.of(opened, now))).build();
    }

    @GET
    public JsonNode list() {
        Instant now = clock.instant();
        return json(new Listing(store.active(now).map(BreakGlass::id).orElse(null),
                store.all().stream().map(b -> View.of(b, now)).toList()));
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        return store.find(id).map(b -> Response.ok(json(View.of(b, clock.instant()))).build())
                .orElseGet(() -> notFound(id));
    }

    /** The second person's approval: no body (or an empty JSON object); the approver is the caller. */
    @POST
    @Path("/{id}/approve")
    @RequiresRole(Roles.APPROVE)
    @Consumes(MediaType.WILDCARD)
    public Response approve(@Context SecurityContext caller, @PathParam("id") String id, String body) {
        if (body != null && !body.isBlank() && !body.strip().equals("{}")) {
            return new Problem("urn:inttest:problem:invalid-request", "Invalid approval", 400, "an approval has no "
                    + "body: the approver is the principal of the bearer token", null, null).response();
        }
        return act(id, () -> store.approve(id, Callers.of(caller).name(), clock.instant()));
    }

    @DELETE
    @Path("/{id}")
    @RequiresRole(Roles.BREAK_GLASS)
    public Response close(@Context SecurityContext caller, @PathParam("id") String id) {
        return act(id, () -> store.close(id, Callers.of(caller).name(), clock.instant()));
    }

    /** Closes every break-glass that still counts or awaits approval; 200 with those closed (maybe none). */
    @DELETE
    @RequiresRole(Roles.BREAK_GLASS)
    public JsonNode closeAll(@Context SecurityContext caller) {
        Instant now = clock.instant();
        return json(store.closeAll(Callers.of(caller).name(), now).stream().map(b -> View.of(b, now)).toList());
    }

    private Response act(String id, java.util.function.Supplier<BreakGlass> action) {
        if (!Names.isDnsLabel(id)) {
            return notFound(id);
        }
        try {
            return Response.ok(json(View.of(action.get(), clock.instant()))).build();
        } catch (BreakGlassException e) {
            String title = switch (e.status()) {
                case 403 -> "Forbidden";
                case 404 -> "No such break-glass";
                default -> "Conflict";
            };
            String type = e.status() == 403 ? "urn:inttest:problem:forbidden" : null;
            return new Problem(type, title, e.status(), e.getMessage(), null, null).response();
        }
    }

    /** The pipeline's JSON (snake_case, ISO instants), as the events are written. */
    private static JsonNode json(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    private static Response notFound(String id) {
        return Problem.of(404, "No such break-glass", "no break-glass " + (Names.isDnsLabel(id) ? id
                : "with that id")).response();
    }
}
