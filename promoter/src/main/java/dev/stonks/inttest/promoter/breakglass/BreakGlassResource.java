package dev.stonks.inttest.promoter.breakglass;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.support.http.Problem;
import dev.stonks.inttest.promoter.config.PromoterConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The break-glass API: {@code POST} opens (or replaces) it, {@code GET} shows the active one, {@code DELETE} closes
 * it. Invalid input is answered 400 with a problem body listing every error, and nothing is stored.
 */
@Path("/api/break-glass")
@Produces(MediaType.APPLICATION_JSON)
public class BreakGlassResource {
    private final BreakGlassStore store;
    private final Clock clock;
    private final Duration maxDuration;

    public BreakGlassResource(BreakGlassStore store, Clock clock, PromoterConfig config) {
        this.store = store;
        this.clock = clock;
        this.maxDuration = config.breakGlass().maxDuration();
    }

    /** The body is taken as text and read here, so that any malformed body is answered with a problem. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response open(String body) {
        Instant now = clock.instant();
        BreakGlass breakGlass;
        try {
            breakGlass = BreakGlassRequest.parse(body, now, maxDuration);
        } catch (InvalidBreakGlassException e) {
            return new Problem(null, "Invalid break-glass", 400, "the break-glass was not opened: " + e.getMessage(),
                    null, e.problems()).response();
        }
        store.open(breakGlass);
        return Response.status(201).entity(view(breakGlass, now)).build();
    }

    @GET
    public Response show() {
        Instant now = clock.instant();
        Optional<BreakGlass> current = store.current();
        if (current.isEmpty()) {
            return Problem.of(404, "No break-glass", "no break-glass is open").response();
        }
        if (!current.get().isActiveAt(now)) {
            return Problem.of(404, "No break-glass", "the break-glass of " + current.get().who() + " expired at "
                    + current.get().expiresAt()).response();
        }
        return Response.ok(view(current.get(), now)).build();
    }

    @DELETE
    public Response close() {
        store.close();
        return Response.noContent().build();
    }

    private static ObjectNode view(BreakGlass breakGlass, Instant now) {
        ObjectNode node = Json.MAPPER.valueToTree(breakGlass);
        node.put("active", breakGlass.isActiveAt(now));
        return node;
    }
}
