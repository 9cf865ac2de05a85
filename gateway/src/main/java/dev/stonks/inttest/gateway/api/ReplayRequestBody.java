package dev.stonks.inttest.gateway.api;

/**
 * {@code POST /api/runs/{run_id}/replay}: {@code from_stage} is required; {@code image_tag} deploys another build
 * (a replay from service_deploy or an earlier stage). Who asks is the caller's credential.
 */
public record ReplayRequestBody(String fromStage, String imageTag) {
}
