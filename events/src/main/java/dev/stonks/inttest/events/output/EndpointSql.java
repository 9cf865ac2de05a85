package dev.stonks.inttest.events.output;

import java.util.List;

/**
 * The database statements one endpoint ran, per request: the difference of two {@code pg_stat_statements} snapshots
 * taken just before and just after the profiler's timed calls of the endpoint, divided by the number of calls.
 *
 * @param requests        the timed calls between the two snapshots
 * @param callsPerRequest statement executions per request, all statements together
 * @param statements      the statements, most calls per request first (the top few)
 */
public record EndpointSql(int requests, double callsPerRequest, List<EndpointStatement> statements) {

    public EndpointSql {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
