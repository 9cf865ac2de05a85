package dev.stonks.inttest.gateway.api;

/**
 * {@code POST /api/runs}: {@code image_tag} is required; {@code namespace} (also the run id) is made up when absent;
 * {@code scale} and {@code backend} default to the gateway's settings; {@code requested_by} (who or what asks, for
 * the results) defaults to {@code api}.
 */
public record RunRequestBody(String imageTag, String namespace, Boolean skipTeardown, Integer scale, String backend,
        String requestedBy) {
}
