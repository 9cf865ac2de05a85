package dev.stonks.inttest.stonks.query.companies;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** query-api: company search by ticker, alias or name. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final CompanyRepository companies;

    public SearchResource(CompanyRepository companies) {
        this.companies = companies;
    }

    /** {@code q}: 1..64 characters, matched case-insensitively; at most {@code limit} (1..50, default 10) results. */
    @GET
    public Uni<List<SearchResult>> search(@RestQuery String q, @RestQuery String limit) {
        String text = Params.required("q", q);
        if (text.length() > 64) {
            throw ApiException.badRequest("query parameter 'q' must be at most 64 characters");
        }
        return companies.search(text, Params.intInRange("limit", limit, 10, 1, 50));
    }
}
