package dev.stonks.inttest.stonks.registry;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Bodies;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * registry: the symbol registry. Reads are plain SQL ({@link RegistryRepository}); writes go through Hibernate
 * Reactive ({@link RegistryService}).
 */
@Path("/api/registry")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

    private final RegistryRepository registry;
    private final RegistryService service;

    public RegistryResource(RegistryRepository registry, RegistryService service) {
        this.registry = registry;
        this.service = service;
    }

    /** Every company with its aliases, by ticker. */
    @GET
    @Path("companies")
    public Uni<List<RegistryCompany>> companies() {
        return registry.list();
    }

    /** Registers a company (201, {@code Location}); 409 when the ticker or an alias is taken. */
    @POST
    @Path("companies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CompanyInput body) {
        CompanyInput input = Bodies.present(body).validated();
        return service.create(input).flatMap(this::company)
                .map(company -> Response.created(URI.create("/api/registry/companies/" + company.id()))
                        .entity(company).build());
    }

    @GET
    @Path("companies/{id}")
    public Uni<RegistryCompany> company(@RestPath String id) {
        return company(Params.uuid("id", id));
    }

    /** Replaces ticker, name, sector and exchange; 404 unknown, 409 when the ticker belongs to another company. */
    @PUT
    @Path("companies/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RegistryCompany> update(@RestPath String id, CompanyInput body) {
        UUID companyId = Params.uuid("id", id);
        CompanyInput input = Bodies.present(body).validated();
        if (!input.aliases().isEmpty()) {
            throw ApiException.badRequest("field 'aliases' cannot be set by PUT: use "
                    + "/api/registry/companies/{id}/aliases");
        }
        return service.update(companyId, input).flatMap(ignored -> company(companyId));
    }

    /** 204; 404 unknown; 409 when the company has trading history. */
    @DELETE
    @Path("companies/{id}")
    public Uni<Response> delete(@RestPath String id) {
        UUID companyId = Params.uuid("id", id);
        return service.delete(companyId).map(ignored -> Response.noContent().build());
    }

    /** The company's aliases, by alias. */
    @GET
    @Path("companies/{id}/aliases")
    public Uni<List<RegistryAlias>> aliases(@RestPath String id) {
        return service.aliasesOf(Params.uuid("id", id));
    }

    /** 201; 409 when the alias is taken (by any company, ignoring case). */
    @POST
    @Path("companies/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addAlias(@RestPath String id, AliasInput body) {
        UUID companyId = Params.uuid("id", id);
        String alias = Bodies.present(body).validated();
        return service.addAlias(companyId, alias).map(created -> Response.created(
                URI.create("/api/registry/aliases/" + created.id())).entity(created).build());
    }

    @DELETE
    @Path("aliases/{id}")
    public Uni<Response> deleteAlias(@RestPath String id) {
        return service.deleteAlias(Params.uuid("id", id)).map(ignored -> Response.noContent().build());
    }

    /** 201; 409 when the company already has this kind and URL. */
    @POST
    @Path("companies/{id}/sources")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addSource(@RestPath String id, SourceInput body) {
        UUID companyId = Params.uuid("id", id);
        SourceInput input = Bodies.present(body).validated();
        return service.addSource(companyId, input).map(created -> Response.created(
                URI.create("/api/registry/sources/" + created.id())).entity(created).build());
    }

    /** Activates or deactivates a source: {@code {"active": false}}. */
    @PATCH
    @Path("sources/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RegistrySource> patchSource(@RestPath String id, SourcePatch body) {
        UUID sourceId = Params.uuid("id", id);
        boolean active = Bodies.present(body).validated();
        return service.setActive(sourceId, active);
    }

    /** Ticker or alias (any case) to company; 404 when nothing matches, 400 without {@code symbol}. */
    @GET
    @Path("resolve")
    public Uni<ResolvedSymbol> resolve(@RestQuery String symbol) {
        String wanted = Params.required("symbol", symbol);
        if (wanted.length() > 100) {
            throw ApiException.badRequest("query parameter 'symbol' must be at most 100 characters");
        }
        return registry.resolve(wanted).map(found -> found.orElseThrow(
                () -> ApiException.notFound("no company has the ticker or alias '" + Params.abbreviate(wanted) + "'")));
    }

    private Uni<RegistryCompany> company(UUID companyId) {
        return registry.find(companyId).map(found -> found.orElseThrow(
                () -> RegistryService.companyNotFound(companyId)));
    }
}
