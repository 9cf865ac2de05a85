package dev.stonks.inttest.stonks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** HTTP calls to the sandbox's services, and checks of their answers. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** A call: method, role, path, optional JSON body (sent as is, so it can be malformed). */
    static HttpResponse<String> call(String method, String role, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        StonksSandbox.get().service(role).baseUrl() + path))
                .timeout(Duration.ofSeconds(15));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return StonksSandbox.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode json(String method, String role, String path, String body, int status) {
        HttpResponse<String> response = call(method, role, path, body);
        assertEquals(status, response.statusCode(), role + " " + method + " " + path + ": " + response.body());
        return parse(response.body());
    }

    static JsonNode get(String role, String path) {
        return json("GET", role, path, null, 200);
    }

    static JsonNode post(String role, String path, String body, int status) {
        return json("POST", role, path, body, status);
    }

    /** A problem answer: the status, application/problem+json, exactly status, title and detail. */
    static JsonNode problem(String method, String role, String path, String body, int status) {
        HttpResponse<String> response = call(method, role, path, body);
        assertEquals(status, response.statusCode(), role + " " + method + " " + path + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                role + " " + method + " " + path);
        JsonNode problem = parse(response.body());
        List<String> fields = new ArrayList<>();
        problem.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("status", "title", "detail"), fields, response.body());
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
