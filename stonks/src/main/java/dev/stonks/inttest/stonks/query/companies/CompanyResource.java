package dev.stonks.inttest.stonks.query.companies;

import dev.stonks.inttest.stonks.query.events.EventRepository;
import dev.stonks.inttest.stonks.query.events.MacroImpactView;
import dev.stonks.inttest.stonks.query.recommendations.RecommendationRepository;
import dev.stonks.inttest.stonks.query.recommendations.RecommendationSummary;
import dev.stonks.inttest.stonks.query.trends.TrendRepository;
import dev.stonks.inttest.stonks.query.trends.TrendWindowSummary;
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

/** query-api: companies. */
@Path("/api/companies")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {

    private static final java.util.regex.Pattern TICKER =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]{0,9}");

    private final CompanyRepository companies;
    private final TrendRepository trends;
    private final RecommendationRepository recommendations;
    private final EventRepository events;

    public CompanyResource(CompanyRepository companies, TrendRepository trends,
            RecommendationRepository recommendations, EventRepository events) {
        this.companies = companies;
        this.trends = trends;
        this.recommendations = recommendations;
        this.events = events;
    }

    /** Every company, by ticker. */
    @GET
    public Uni<List<CompanySummary>> list() {
        return companies.list();
    }

    /** One company with its aliases. */
    @GET
    @Path("{id}")
    public Uni<CompanyDetail> get(@RestPath String id) {
        UUID companyId = Params.uuid("id", id);
        return companies.detail(companyId)
                .map(found -> found.orElseThrow(() -> notFound(companyId)));
    }

    /** The company's trend windows, newest first, each with its evidence count. */
    @GET
    @Path("{id}/trends")
    public Uni<List<TrendWindowSummary>> trends(@RestPath String id) {
        UUID companyId = Params.uuid("id", id);
        return ifExists(companyId, trends.ofCompany(companyId));
    }

    /** The company's sources, in kind order. */
    @GET
    @Path("{id}/sources")
    public Uni<List<SourceView>> sources(@RestPath String id) {
        UUID companyId = Params.uuid("id", id);
        return ifExists(companyId, companies.sources(companyId));
    }

    /** Companies it competes with, strongest first. */
    @GET
    @Path("{id}/competitors")
    public Uni<List<CompetitorView>> competitors(@RestPath String id) {
        UUID companyId = Params.uuid("id", id);
        return ifExists(companyId, companies.competitors(companyId));
    }

    /** Its documents, newest first: {@code limit} 1..100 (default 20), {@code offset} >= 0 (default 0). */
    @GET
    @Path("{id}/documents")
    public Uni<List<DocumentSummary>> documents(@RestPath String id, @RestQuery String limit,
            @RestQuery String offset) {
        UUID companyId = Params.uuid("id", id);
        int pageSize = Params.intInRange("limit", limit, 20, 1, 100);
        int skip = Params.intInRange("offset", offset, 0, 0, Integer.MAX_VALUE);
        return ifExists(companyId, companies.documents(companyId, pageSize, skip));
    }

    /** The company's recommendations, newest first. */
    @GET
    @Path("{id}/recommendations")
    public Uni<List<RecommendationSummary>> recommendations(@RestPath String id) {
        UUID companyId = Params.uuid("id", id);
        return ifExists(companyId, recommendations.ofCompany(companyId));
    }

    /**
     * Global events that bear on the company, newest first. Addressed by ticker (any case), as the frontend does
     * ({@code /api/companies/AAPL/macro-impacts}); a company id works too.
     */
    @GET
    @Path("{id}/macro-impacts")
    public Uni<List<MacroImpactView>> macroImpacts(@RestPath("id") String tickerOrId) {
        if (tickerOrId.length() == 36 && tickerOrId.charAt(8) == '-') {
            UUID companyId = Params.uuid("ticker", tickerOrId);
            return ifExists(companyId, events.impactsOn(companyId));
        }
        if (!TICKER.matcher(tickerOrId).matches()) {
            throw ApiException.badRequest("parameter 'ticker' must be a ticker (a letter, then up to 9 letters, digits, "
                    + "'.' or '-') or a company id, got '" + Params.abbreviate(tickerOrId) + "'");
        }
        String ticker = tickerOrId.toUpperCase(java.util.Locale.ROOT);
        return companies.idOfTicker(ticker).flatMap(found -> found
                .map(events::impactsOn)
                .orElseThrow(() -> ApiException.notFound("no company has the ticker '" + ticker + "'")));
    }

    private <T> Uni<T> ifExists(UUID companyId, Uni<T> result) {
        return Uni.combine().all().unis(companies.exists(companyId), result).with((exists, value) -> {
            if (!exists) {
                throw notFound(companyId);
            }
            return value;
        });
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("company " + id + " does not exist");
    }
}
