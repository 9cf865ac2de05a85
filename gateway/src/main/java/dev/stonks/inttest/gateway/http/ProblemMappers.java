package dev.stonks.inttest.gateway.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps what the resources throw, and the framework's own HTTP errors, to problem bodies. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response rejected(GatewayException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        return ProblemResponses.ofStatus(e.getResponse().getStatus(), e.getMessage());
    }
}
