package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.SqlProfile;

/**
 * What {@link SlowSqlReader} found.
 *
 * @param profile     the top statements, or null when they could not be read
 * @param unavailable why they could not be read, or null
 */
public record SqlReading(SqlProfile profile, String unavailable) {

    static SqlReading of(SqlProfile profile) {
        return new SqlReading(profile, null);
    }

    static SqlReading unavailable(String reason) {
        return new SqlReading(null, reason);
    }
}
