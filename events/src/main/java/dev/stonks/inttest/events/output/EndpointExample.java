package dev.stonks.inttest.events.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A call of an endpoint that answered 2xx during the tests and may be repeated, so the profiler can measure the
 * endpoint again on the warm service.
 *
 * @param service     the service under test that answered (a key of the run context's services)
 * @param path        the path with its query string, relative to the service's base URL, e.g. {@code /api/companies/7?x=1}
 * @param method      the HTTP method; null (absent) means GET
 * @param body        the request body (UTF-8 text, e.g. JSON) of a write call the target declares repeatable; null
 *                    for none
 * @param contentType the body's media type; null when there is no body
 */
public record EndpointExample(String service, String path,
        @JsonInclude(JsonInclude.Include.NON_NULL) String method,
        @JsonInclude(JsonInclude.Include.NON_NULL) String body,
        @JsonInclude(JsonInclude.Include.NON_NULL) String contentType) {

    public EndpointExample {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an example path starts with '/': " + path);
        }
        if ("GET".equals(method)) {
            method = null;
        }
        if (body == null && contentType != null) {
            throw new IllegalArgumentException("a content type without a body");
        }
    }

    /** A GET. */
    public EndpointExample(String service, String path) {
        this(service, path, null, null, null);
    }

    /** The method, GET when none was recorded. */
    public String httpMethod() {
        return method == null ? "GET" : method;
    }
}
