package dev.stonks.inttest.reporter.api;

import dev.stonks.inttest.reporter.live.LiveEvents;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** Server-sent events of every run, live (for a runs list that updates itself); as {@link EventsResource}'s. */
@Path("/api/events")
public class AllEventsResource {
    private final LiveEvents live;

    public AllEventsResource(LiveEvents live) {
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> all(@Context Sse sse) {
        return live.all().onOverflow().buffer(EventsResource.BUFFER).map(e -> EventsResource.sse(sse, e));
    }
}
