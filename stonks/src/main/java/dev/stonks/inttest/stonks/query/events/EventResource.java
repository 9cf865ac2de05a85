package dev.stonks.inttest.stonks.query.events;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** query-api: global events. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final List<String> KINDS = List.of("rate_decision", "geopolitical", "earnings_season", "commodity");

    private final EventRepository events;

    public EventResource(EventRepository events) {
        this.events = events;
    }

    /** Newest first: {@code kind}, {@code min_severity} 1..5, {@code limit} 1..500 (default 100). */
    @GET
    public Uni<List<EventSummary>> list(@RestQuery String kind, @RestQuery("min_severity") String minSeverity,
            @RestQuery String limit) {
        return events.list(Params.oneOf("kind", kind, KINDS), Params.intInRange("min_severity", minSeverity, 1, 1, 5),
                Params.intInRange("limit", limit, 100, 1, 500));
    }

    /** One event with its impacts. */
    @GET
    @Path("{id}")
    public Uni<EventDetail> get(@RestPath String id) {
        UUID eventId = Params.uuid("id", id);
        return events.detail(eventId).map(found -> found.orElseThrow(
                () -> ApiException.notFound("event " + eventId + " does not exist")));
    }
}
