package dev.stonks.inttest.events.output;

import java.util.Map;

/** seed_data: migrations applied, rows per table, objects written, and the time spent. */
public record SeedOutput(int migrationsApplied, int scale, Map<String, Long> rows, long objects, double migrateS,
        double seedS) {
}
