package dev.stonks.inttest.gateway.api;

/** The answer to an accepted cancellation. */
public record CancelAccepted(String runId, String reason) {
}
