package dev.stonks.inttest.stonks.query.agents;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** query-api: AI agents. */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    /** Longest range of one performance query, in days. */
    static final int MAX_RANGE_DAYS = 366;
    /** Days shown when {@code from} is not given. */
    static final int DEFAULT_RANGE_DAYS = 30;

    private final AgentRepository agents;

    public AgentResource(AgentRepository agents) {
        this.agents = agents;
    }

    @GET
    public Uni<List<AgentSummary>> list() {
        return agents.list();
    }

    @GET
    @Path("{id}")
    public Uni<AgentDetail> get(@RestPath String id) {
        UUID agentId = Params.uuid("id", id);
        return agents.detail(agentId).map(found -> found.orElseThrow(() -> notFound(agentId)));
    }

    /**
     * Daily logs and per-variant totals for {@code from}..{@code to} (ISO dates, inclusive, at most 366 days).
     * Defaults: {@code to} = the newest logged day, {@code from} = 29 days before {@code to}.
     */
    @GET
    @Path("{id}/performance")
    public Uni<AgentPerformance> performance(@RestPath String id, @RestQuery String from, @RestQuery String to) {
        UUID agentId = Params.uuid("id", id);
        Optional<LocalDate> fromDate = Params.date("from", from);
        Optional<LocalDate> toDate = Params.date("to", to);
        if (fromDate.isPresent() && toDate.isPresent()) {
            checkRange(fromDate.get(), toDate.get());
        }
        return agents.detail(agentId)
                .map(found -> found.orElseThrow(() -> notFound(agentId)))
                .flatMap(agent -> toDate.isPresent() ? Uni.createFrom().item(toDate.get())
                        : agents.lastLoggedDay(agentId).map(last -> last.orElse(fromDate.orElse(LocalDate.now())
                                .plusDays(DEFAULT_RANGE_DAYS - 1))))
                .flatMap(end -> {
                    LocalDate start = fromDate.orElse(end.minusDays(DEFAULT_RANGE_DAYS - 1));
                    checkRange(start, end);
                    return agents.performance(agentId, start, end);
                });
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("query parameter 'from' (" + from + ") must not be after 'to' (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw ApiException.badRequest("query parameters 'from' and 'to' may span at most " + MAX_RANGE_DAYS
                    + " days, got " + from + " to " + to);
        }
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("agent " + id + " does not exist");
    }
}
