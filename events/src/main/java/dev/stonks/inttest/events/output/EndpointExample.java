package dev.stonks.inttest.events.output;

import java.util.Objects;

/**
 * A call of an endpoint that answered 2xx during the tests, so the profiler can measure the endpoint again.
 *
 * @param service the service under test that answered (a key of the run context's services)
 * @param path    the path with its query string, relative to the service's base URL, e.g. {@code /api/companies/7?x=1}
 */
public record EndpointExample(String service, String path) {

    public EndpointExample {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an example path starts with '/': " + path);
        }
    }
}
