package dev.stonks.inttest.support.auth;

import dev.stonks.inttest.support.http.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Guards the {@link RequiresRole} doors: 401 {@code unauthorized} (with {@code WWW-Authenticate: Bearer}) without a
 * valid bearer token, 403 {@code forbidden} naming the missing role, else the request goes on with the caller as its
 * {@link SecurityContext}'s principal. It runs before the body is read, so a refused request is never looked at.
 */
@Provider
@RequiresRole("")
@Priority(Priorities.AUTHENTICATION)
public class RoleFilter implements ContainerRequestFilter {
    public static final String UNAUTHORIZED = "urn:inttest:problem:unauthorized";
    public static final String FORBIDDEN = "urn:inttest:problem:forbidden";
    private static final Logger LOG = Logger.getLogger(RoleFilter.class);

    private final Credentials credentials;

    @Context
    ResourceInfo resource;

    public RoleFilter(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String role = requiredRole();
        Authentication result = credentials.authenticator().authenticate(
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (result instanceof Authentication.Refused refused) {
            request.abortWith(new Problem(UNAUTHORIZED, "Unauthorized", 401, refused.detail(), null, null)
                    .responseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"inttest\"").build());
            return;
        }
        CallerPrincipal caller = ((Authentication.Authenticated) result).principal();
        if (!caller.hasRole(role)) {
            LOG.warnf("%s %s refused: %s lacks role %s", request.getMethod(), request.getUriInfo().getPath(),
                    caller.name(), role);
            request.abortWith(new Problem(FORBIDDEN, "Forbidden", 403, "this needs the role " + role + "; "
                    + caller.name() + " has " + new TreeSet<>(caller.roles()), null, null).response());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller, secure));
    }

    private String requiredRole() {
        RequiresRole onMethod = resource.getResourceMethod().getAnnotation(RequiresRole.class);
        RequiresRole annotation = onMethod != null ? onMethod
                : resource.getResourceClass().getAnnotation(RequiresRole.class);
        if (annotation == null || annotation.value().isBlank()) {
            throw new IllegalStateException("@RequiresRole without a role on " + resource.getResourceMethod());
        }
        return annotation.value();
    }

    private record CallerContext(CallerPrincipal caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
