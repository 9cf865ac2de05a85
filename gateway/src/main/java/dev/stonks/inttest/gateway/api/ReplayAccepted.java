package dev.stonks.inttest.gateway.api;

/** The answer to an accepted replay: the attempt the run will be re-run as (from the reporter's view when asked). */
public record ReplayAccepted(String runId, String fromStage, int attempt, String imageTag, String requestedBy) {
}
