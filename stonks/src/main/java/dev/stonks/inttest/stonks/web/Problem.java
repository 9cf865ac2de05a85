package dev.stonks.inttest.stonks.web;

import jakarta.ws.rs.core.Response;

/**
 * An error body (RFC 9457 style): {@code {"status": 404, "title": "Not Found", "detail": "..."}}, served as
 * {@code application/problem+json}.
 */
public record Problem(int status, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
