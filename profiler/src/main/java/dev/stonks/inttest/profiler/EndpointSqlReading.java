package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.EndpointSql;
import dev.stonks.inttest.events.output.NPlusOne;
import java.util.List;
import java.util.Map;

/**
 * What {@link EndpointSqlWatch} saw while the endpoints were measured.
 *
 * @param endpoints   per endpoint key measured warm, the statements it ran per request
 * @param nPlusOne    the statements run more than {@code threshold} times per request, most calls per request first
 * @param threshold   the N+1 threshold used
 * @param unavailable why the statements per endpoint could not be watched, or null
 */
record EndpointSqlReading(Map<String, EndpointSql> endpoints, List<NPlusOne> nPlusOne, double threshold,
        String unavailable) {

    EndpointSqlReading {
        endpoints = Map.copyOf(endpoints);
        nPlusOne = List.copyOf(nPlusOne);
    }

    /** Nothing watched (no database), with the reason, or none when there was nothing to watch. */
    static EndpointSqlReading none(double threshold, String unavailable) {
        return new EndpointSqlReading(Map.of(), List.of(), threshold, unavailable);
    }
}
