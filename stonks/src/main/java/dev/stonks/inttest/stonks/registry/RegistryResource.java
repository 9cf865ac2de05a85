package dev.stonks.inttest.stonks.registry;

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

/** registry: the symbol registry (reads in this cut). */
@Path("/api/registry")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

    private final RegistryRepository registry;

    public RegistryResource(RegistryRepository registry) {
        this.registry = registry;
    }

    /** Every company with its aliases, by ticker. */
    @GET
    @Path("companies")
    public Uni<List<RegistryCompany>> companies() {
        return registry.list();
    }

    @GET
    @Path("companies/{id}")
    public Uni<RegistryCompany> company(@RestPath String id) {
        UUID companyId = Params.uuid("id", id);
        return registry.find(companyId).map(found -> found.orElseThrow(
                () -> ApiException.notFound("company " + companyId + " does not exist")));
    }

    /** Ticker or alias (any case) to company; 404 when nothing matches, 400 without {@code symbol}. */
    @GET
    @Path("resolve")
    public Uni<ResolvedSymbol> resolve(@RestQuery String symbol) {
        String wanted = Params.required("symbol", symbol);
        return registry.resolve(wanted).map(found -> found.orElseThrow(
                () -> ApiException.notFound("no company has the ticker or alias '" + wanted + "'")));
    }
}
