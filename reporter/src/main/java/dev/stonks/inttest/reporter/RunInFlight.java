package dev.stonks.inttest.reporter;

import java.time.Instant;

/**
 * One entry of {@code GET /api/runs?status=running}.
 *
 * @param runId     the run
 * @param stage     the stage it waits for or works in (null before any)
 * @param attempt   that stage's attempt
 * @param startedAt when the reporter first saw the run (its first event's Kafka timestamp)
 */
record RunInFlight(String runId, String stage, int attempt, Instant startedAt) {
}
