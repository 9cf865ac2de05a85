package dev.stonks.inttest.stonks.web;

import dev.stonks.inttest.stonks.config.Role;
import dev.stonks.inttest.stonks.config.StonksConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One binary, four services: before routing, a request for another role's endpoint is answered 404 (as if the
 * endpoint did not exist in this service).
 */
public class RoleFilter {

    private final Role role;

    public RoleFilter(StonksConfig config) {
        this.role = config.role();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> onlyThisRolesEndpoints(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (role.serves(path)) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(Response.Status.NOT_FOUND, "no resource at " + request.getMethod() + " "
                + path + " in the " + role.value() + " service").toResponse());
    }
}
