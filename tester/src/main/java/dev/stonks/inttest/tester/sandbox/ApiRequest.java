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
 * JSON body. {@link #send()} makes the call and records its latency under the template.
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
        headers.putIfAbsent("Content-Type", "application/json");
        return this;
    }

    /** A body sent as it is, labelled JSON (for tests of what a service does with malformed JSON). */
    public ApiRequest rawJson(String text) {
        body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        headers.putIfAbsent("Content-Type", "application/json");
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

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
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
