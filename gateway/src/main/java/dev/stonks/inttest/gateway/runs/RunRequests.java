package dev.stonks.inttest.gateway.runs;

import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.gateway.config.GatewayConfig;
import dev.stonks.inttest.gateway.config.GatewayConfigCheck;
import dev.stonks.inttest.gateway.http.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Builds the run events the gateway emits, from a push or from an API request, filling in the configured defaults and
 * validating each field before anything is emitted (a violation names the field as the client wrote it).
 */
@ApplicationScoped
public class RunRequests {
    static final int MAX_REQUESTED_BY = 200;
    static final int MAX_REASON = 1000;
    static final String DEFAULT_CANCEL_REASON = "cancelled through the gateway API";

    private final GatewayConfig config;

    public RunRequests(GatewayConfig config) {
        this.config = config;
    }

    /** A run of the pushed commit: image tag = the commit SHA, namespace = run id, the configured backend and scale. */
    public RunRequested forPush(String runId, String sha, String requestedBy, GitRef git, Instant now) {
        return new RunRequested(runId, sha, runId, false, config.scale(), config.backend(), now, requestedBy, git);
    }

    /**
     * A run asked for through the API. The namespace, when given, is also the run id (as with {@code inttest run});
     * otherwise a fresh one is made. Absent scale and backend take the configured defaults. {@code requestedBy} is the
     * caller's principal (from the credential, never from the body).
     */
    public RunRequested forApi(String imageTag, String namespace, Boolean skipTeardown, Integer scale, String backend,
            String requestedBy, Instant now) {
        if (imageTag == null || imageTag.isBlank()) {
            throw GatewayException.invalidField("image_tag", "image_tag is required");
        }
        check("image_tag", () -> Names.requireImageTag(imageTag));
        if (namespace != null) {
            check("namespace", () -> Names.requireNamespace(namespace));
        }
        int replicas = scale == null ? config.scale() : scale;
        if (replicas < 1 || replicas > GatewayConfigCheck.MAX_SCALE) {
            throw GatewayException.invalidField("scale", "scale must be in 1.." + GatewayConfigCheck.MAX_SCALE
                    + ", was " + replicas);
        }
        String chosenBackend = backend == null ? config.backend() : backend;
        if (!GatewayConfigCheck.BACKENDS.contains(chosenBackend)) {
            throw GatewayException.invalidField("backend", "backend '" + chosenBackend + "' is not one of "
                    + GatewayConfigCheck.BACKENDS);
        }
        String by = requestedBy == null || requestedBy.isBlank() ? "api" : requestedBy.strip();
        if (by.length() > MAX_REQUESTED_BY || by.chars().anyMatch(Character::isISOControl)) {
            throw GatewayException.invalidField("requested_by", "requested_by must be at most " + MAX_REQUESTED_BY
                    + " characters without control characters");
        }
        String runId = namespace != null ? namespace : RunIds.fresh(now);
        return new RunRequested(runId, imageTag, runId, Boolean.TRUE.equals(skipTeardown), replicas, chosenBackend,
                now, by, null);
    }

    /**
     * A cancellation of {@code runId} asked for by the principal {@code requestedBy}; the reason defaults to saying it
     * came through the API.
     */
    public RunCancelRequested cancel(String runId, String reason, String requestedBy, Instant now) {
        check("run_id", () -> Names.requireRunId(runId));
        String why = reason == null || reason.isBlank() ? DEFAULT_CANCEL_REASON : reason.strip();
        if (why.length() > MAX_REASON || why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw GatewayException.invalidField("reason", "reason must be at most " + MAX_REASON
                    + " characters without control characters");
        }
        return new RunCancelRequested(runId, why, now, requestedBy);
    }

    private static void check(String field, Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalidField(field, field + ": " + e.getMessage());
        }
    }
}
