package dev.stonks.inttest.events.output;

/**
 * An N+1 pattern: one statement executed more than the threshold times per request of an endpoint (a query per row
 * of an earlier result instead of one join or {@code IN} list).
 *
 * @param endpoint        the endpoint key
 * @param query           the normalized statement
 * @param callsPerRequest its executions per request
 * @param totalMs         its execution time over the whole measurement
 */
public record NPlusOne(String endpoint, String query, double callsPerRequest, double totalMs) {
}
