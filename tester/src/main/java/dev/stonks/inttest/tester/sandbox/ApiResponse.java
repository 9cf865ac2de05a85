package dev.stonks.inttest.tester.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A response of the sandbox, fully read. Its checks ({@link #expectStatus}, {@link #json()}) throw
 * {@link AssertionFailedError}: a wrong answer is a test {@code failure}.
 */
public final class ApiResponse {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SNIPPET = 300;

    private final String method;
    private final String url;
    private final String endpoint;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final double elapsedMs;
    private JsonNode json;

    ApiResponse(String method, String url, String endpoint, int status, Map<String, List<String>> headers,
            byte[] body, double elapsedMs) {
        this.method = method;
        this.url = url;
        this.endpoint = endpoint;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.elapsedMs = elapsedMs;
    }

    public int status() {
        return status;
    }

    /** The endpoint key the call was timed under, e.g. {@code /api/companies/{id}}. */
    public String endpoint() {
        return endpoint;
    }

    public String url() {
        return url;
    }

    public double elapsedMs() {
        return elapsedMs;
    }

    public byte[] bodyBytes() {
        return body.clone();
    }

    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** Fails unless the status is {@code expected}; shows the start of the body, which often says why. */
    public ApiResponse expectStatus(int expected) {
        if (status != expected) {
            throw new AssertionFailedError(describe() + ": expected HTTP " + expected + " but was " + status
                    + bodySnippet(), expected, status);
        }
        return this;
    }

    /** The body as JSON; fails if it is not JSON. */
    public JsonNode json() {
        if (json == null) {
            try {
                json = MAPPER.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionFailedError(describe() + ": body is not JSON (" + firstLine(e.getMessage()) + ")"
                        + bodySnippet());
            }
            if (json == null || json.isMissingNode()) {
                throw new AssertionFailedError(describe() + ": empty body where JSON was expected");
            }
        }
        return json;
    }

    /** {@code expectStatus(expected).json()}. */
    public JsonNode json(int expectedStatus) {
        return expectStatus(expectedStatus).json();
    }

    /** e.g. {@code GET /api/companies/{id} (http://127.0.0.1:8081/api/companies/6f1c...)} */
    public String describe() {
        return method + " " + url;
    }

    private String bodySnippet() {
        if (body.length == 0) {
            return " (empty body)";
        }
        String text = body();
        return "; body: " + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
