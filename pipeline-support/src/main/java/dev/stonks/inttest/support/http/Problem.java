package dev.stonks.inttest.support.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stonks.inttest.events.Json;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The error body of every pipeline service's HTTP API: RFC 9457 {@code application/problem+json}.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param field  extension: the request field at fault, when there is one
 * @param errors extension: every individual error, when a request had several (e.g. each invalid field)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String field, List<String> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        type = type == null ? "about:blank" : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A plain problem: {@code about:blank}, the title, the detail. */
    public static Problem of(int status, String title, String detail) {
        return new Problem(null, title, status, detail, null, null);
    }

    /** The body, serialised here so that it does not depend on a message body writer for problem+json. */
    public String json() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem body", e);
        }
    }

    /** The response carrying this problem, to add headers to. */
    public Response.ResponseBuilder responseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(json());
    }

    public Response response() {
        return responseBuilder().build();
    }
}
