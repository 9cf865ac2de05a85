package dev.stonks.inttest.gateway.api;

/** The answer to an accepted run request: the run to follow (its id is also its namespace). */
public record RunAccepted(String runId, String imageTag, String namespace, String backend) {
}
