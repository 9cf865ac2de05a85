package dev.stonks.inttest.tester.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call being built: method, the endpoint's path template and its values, then query parameters, headers and a
 * JSON body. {@link #send()} makes the call and records its latency under the template ({@link #probe()}: under the
 * probes instead).
 */
public final class ApiRequest {
    private final TimedHttpClient http;
    private final String service;
    private final String baseUrl;
    private final String method;
    private final String template;
    private final String path;
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private boolean probe;
    private boolean repeatable;

    ApiRequest(TimedHttpClient http, String service, String baseUrl, String method, String template,
            Object... values) {
        this.http = http;
        this.service = service;
        this.baseUrl = baseUrl;
        this.method = method;
        this.template = template;
        this.path = PathTemplate.expand(template, values);
    }

    public ApiRequest query(String name, Object value) {
        query.add(new String[] {name, String.valueOf(value)});
        return this;
    }

    public ApiRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A JSON body (any Jackson-serializable value: a record, a Map, a JsonNode). */
    public ApiRequest json(Object value) {
        try {
            body = ApiResponse.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the request body: " + e.getMessage(), e);
        }
        labelJson();
        return this;
    }

    /** Content-Type JSON unless the call already has a Content-Type (under any spelling of the name). */
    private void labelJson() {
        if (contentType() == null) {
            headers.put("Content-Type", "application/json");
        }
    }

    /** A body sent as it is, labelled JSON (for tests of what a service does with malformed JSON). */
    public ApiRequest rawJson(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        labelJson();
        return this;
    }

    /**
     * Marks the call as a deliberate probe of a route the target does not have (an unknown path, another service's
     * path): its latency goes to the probes, never into the endpoint's timings, and it is never an example.
     */
    public ApiRequest probe() {
        probe = true;
        return this;
    }

    /**
     * Marks a write call (POST, PUT, PATCH, DELETE) the target declares repeatable: a pure computation, or an
     * idempotent write whose repetition leaves the sandbox as the tests left it. When it answers 2xx and its endpoint
     * has no example yet, it becomes the endpoint's example, with its method, body and content type, for the profiler
     * to send again. A GET needs no mark: every GET that answers 2xx may be an example.
     */
    public ApiRequest repeatable() {
        repeatable = true;
        return this;
    }

    public ApiResponse send() {
        return http.send(this);
    }

    String service() {
        return service;
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    boolean isProbe() {
        return probe;
    }

    boolean isRepeatable() {
        return repeatable;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    /** The Content-Type header sent, whatever the case of its name; null when none. */
    String contentType() {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The absolute URL: base URL (any path prefix kept), expanded path, query string. */
    String url() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + pathAndQuery();
    }

    /** The path with its query string, relative to the service's base URL. */
    String pathAndQuery() {
        StringBuilder url = new StringBuilder(path);
        char sep = '?';
        for (String[] q : query) {
            url.append(sep).append(URLEncoder.encode(q[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(q[1], StandardCharsets.UTF_8).replace("+", "%20"));
            sep = '&';
        }
        return url.toString();
    }
}
