package dev.stonks.inttest.gateway.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** The reporter's document of a run ({@code GET /api/runs/{id}}): its results, or its stages so far in flight. */
@ApplicationScoped
public class ReporterRuns {
    /** The reporter is not configured, did not answer, or answered something else than 200 or 404. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ReplayConfig config;
    private final HttpClient http;

    public ReporterRuns(ReplayConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.reporterTimeout()).build();
    }

    public boolean configured() {
        return config.reporterUrl().filter(u -> !u.isBlank()).isPresent();
    }

    /** Empty when the reporter does not know the run; {@code runId} must be a valid run id (a DNS-1123 label). */
    public Optional<JsonNode> run(String runId) {
        String base = config.reporterUrl().filter(u -> !u.isBlank())
                .orElseThrow(() -> new Unavailable("replay.reporter-url is not set", null));
        URI uri = URI.create(base.replaceAll("/+$", "") + "/api/runs/" + runId);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(config.reporterTimeout())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new Unavailable("the reporter answered " + response.statusCode() + " about run " + runId, null);
            }
            return Optional.of(Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new Unavailable("the reporter did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking the reporter", e);
        }
    }

    /** The reporter serves a run in flight as {@code status: running}, a finished one as its results. */
    public static boolean inFlight(JsonNode run) {
        return "running".equals(run.path("status").asText()) || !run.has("exit_code");
    }
}
