package dev.stonks.inttest.gateway.api;

/**
 * {@code POST /api/runs}: {@code image_tag} is required; {@code namespace} (also the run id) is made up when absent;
 * {@code scale} and {@code backend} default to the gateway's settings. There is no {@code requested_by}: who asks is
 * the caller's credential, and a body that names someone is refused as having an unknown field.
 */
public record RunRequestBody(String imageTag, String namespace, Boolean skipTeardown, Integer scale, String backend) {
}
