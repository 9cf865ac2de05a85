package dev.stonks.inttest.promoter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem bodies ({@code application/problem+json}) for every error the API answers. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(int status, String title, String detail) {
        return of(status, title, detail, List.of());
    }

    /** A problem with the list of individual {@code errors} (e.g. every invalid field of a request). */
    public static Response of(int status, String title, String detail, List<String> errors) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", status).put("title", title)
                .put("detail", detail);
        if (!errors.isEmpty()) {
            errors.forEach(body.putArray("errors")::add);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
