package dev.stonks.inttest.gateway.http;

import dev.stonks.inttest.support.http.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds the gateway's error responses: every one is an {@code application/problem+json} body. */
public final class ProblemResponses {
    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    /** How long GitHub or a client should wait before trying again when Kafka did not take an event. */
    static final String RETRY_AFTER_SECONDS = "10";

    private ProblemResponses() {
    }

    public static Response of(GatewayException e) {
        Response.ResponseBuilder response = of(e.reason().status(), e.reason().type(), e.reason().title(),
                e.getMessage(), e.field());
        switch (e.reason()) {
            case EVENT_NOT_PUBLISHED -> response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            default -> {
            }
        }
        return response.build();
    }

    /** A problem with the plain type {@code about:blank} for an HTTP error the framework raised (404, 405, 415...). */
    public static Response ofStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return of(status, "about:blank", title, detail == null || detail.isBlank() ? title : detail, null).build();
    }

    private static Response.ResponseBuilder of(int status, String type, String title, String detail, String field) {
        return new Problem(type, title, status, detail, field, null).responseBuilder();
    }
}
