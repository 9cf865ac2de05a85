package dev.stonks.inttest.events.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * seed_data: migrations applied, rows per table, objects written, and the time spent.
 *
 * @param fingerprint       what makes two runs' data alike: {@code sha256:<hex>} of the migrations' checksum, the
 *                          dataset version and the scale. Only runs with the same fingerprint are compared for
 *                          regressions. Null in outputs written before it existed.
 * @param migrationsSha256  SHA-256 of the migration files (names and contents, in version order)
 * @param datasetVersion    the version of the deterministic dataset's generator
 */
public record SeedOutput(int migrationsApplied, int scale, Map<String, Long> rows, long objects, double migrateS,
        double seedS, @JsonInclude(JsonInclude.Include.NON_NULL) String fingerprint,
        @JsonInclude(JsonInclude.Include.NON_NULL) String migrationsSha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) String datasetVersion) {

    public SeedOutput(int migrationsApplied, int scale, Map<String, Long> rows, long objects, double migrateS,
            double seedS) {
        this(migrationsApplied, scale, rows, objects, migrateS, seedS, null, null, null);
    }
}
