package dev.stonks.inttest.events.output;

/**
 * One normalized statement an endpoint ran while the profiler measured it.
 *
 * @param query           as PostgreSQL normalized it ({@code $1} for constants), shortened to a readable length
 * @param callsPerRequest executions per request
 * @param totalMs         execution time of all its executions during the measurement
 */
public record EndpointStatement(String query, double callsPerRequest, double totalMs) {
}
