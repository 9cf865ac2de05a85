package dev.stonks.inttest.events.output;

/**
 * One normalized statement from the sandbox database's {@code pg_stat_statements}, counted from the end of seeding.
 *
 * @param query   the statement as PostgreSQL normalized it ({@code $1} for constants), shortened to a readable length
 * @param slow    whether its mean time exceeds the profiler's slow-SQL threshold
 */
public record SqlStatement(String query, long calls, double meanMs, double maxMs, double totalMs, long rows,
        boolean slow) {
}
