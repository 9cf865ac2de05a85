package dev.stonks.inttest.tester.sandbox;

/** Calls to one service of the sandbox, e.g. {@code sandbox.service("query-api").get("/api/companies/{id}", id)}. */
public final class ServiceClient {
    private final String name;
    private final String baseUrl;
    private final TimedHttpClient http;

    ServiceClient(String name, String baseUrl, TimedHttpClient http) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.http = http;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GET {@code template} with its placeholders filled by {@code values}, sent at once. */
    public ApiResponse get(String template, Object... values) {
        return request("GET", template, values).send();
    }

    /**
     * GET {@code template}, a route this service does not have, sent at once as a probe (see
     * {@link ApiRequest#probe()}): its latency is kept apart from the endpoints' timings.
     */
    public ApiResponse probe(String template, Object... values) {
        return request("GET", template, values).probe().send();
    }

    /** A call to build further (query parameters, headers, body) before {@link ApiRequest#send()}. */
    public ApiRequest request(String method, String template, Object... values) {
        return http.request(name, baseUrl, method, template, values);
    }

    public ApiRequest post(String template, Object... values) {
        return request("POST", template, values);
    }

    public ApiRequest put(String template, Object... values) {
        return request("PUT", template, values);
    }

    public ApiRequest patch(String template, Object... values) {
        return request("PATCH", template, values);
    }

    public ApiRequest delete(String template, Object... values) {
        return request("DELETE", template, values);
    }
}
