package dev.stonks.inttest.gateway.api;

import dev.stonks.inttest.gateway.config.GatewayConfig;
import dev.stonks.inttest.gateway.http.GatewayException;
import dev.stonks.inttest.gateway.http.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * When {@code gateway.api-token} is set, the {@link RequiresApiToken} resources answer 401 (a problem body and
 * {@code WWW-Authenticate: Bearer}) unless the request carries {@code Authorization: Bearer <token>}.
 */
@Provider
@RequiresApiToken
@Priority(Priorities.AUTHENTICATION)
public class ApiTokenFilter implements ContainerRequestFilter {
    private static final String BEARER = "bearer ";
    // looked up per request: JAX-RS providers are created while the application starts, before the mapping exists
    private final Instance<GatewayConfig> config;

    public ApiTokenFilter(Instance<GatewayConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<byte[]> token = config.get().effectiveApiToken().map(t -> t.getBytes(StandardCharsets.UTF_8));
        if (token.isEmpty()) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            request.abortWith(ProblemResponses.of(new GatewayException(GatewayException.Reason.UNAUTHORIZED,
                    "this API needs Authorization: Bearer <gateway.api-token>")));
            return;
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token.get(), given)) {
            request.abortWith(ProblemResponses.of(new GatewayException(GatewayException.Reason.UNAUTHORIZED,
                    "the bearer token is not the gateway's api token")));
        }
    }
}
