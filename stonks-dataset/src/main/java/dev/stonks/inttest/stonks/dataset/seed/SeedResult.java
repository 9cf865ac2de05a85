package dev.stonks.inttest.stonks.dataset.seed;

import java.util.Map;

/**
 * What a seeding did.
 *
 * @param scale              the dataset's scale factor
 * @param rowsPerTable       rows of the dataset per table (all present once seeding returned), load order
 * @param insertedPerTable   rows this call inserted per table: equal to {@code rowsPerTable} on an empty
 *                           database, 0 everywhere when the dataset was already there
 * @param objectsWritten     document objects written to the store (every document, every time: a put of
 *                           identical bytes is harmless and repairs a store that lost objects)
 * @param artifactsWritten   audit artifacts written to the store (the trading audit reports, every time)
 * @param objectBytes        bytes of all objects written
 * @param elapsedSeconds     wall-clock time of the whole call (dataset generation, database, object store)
 * @param databaseSeconds    time spent in the database transaction (it commits only after the last object)
 * @param objectStoreSeconds time until the last object was written (in parallel with the database work)
 */
public record SeedResult(int scale, Map<String, Long> rowsPerTable, Map<String, Long> insertedPerTable,
        int objectsWritten, int artifactsWritten, long objectBytes, double elapsedSeconds, double databaseSeconds,
        double objectStoreSeconds) {

    public SeedResult {
        rowsPerTable = Map.copyOf(rowsPerTable);
        insertedPerTable = Map.copyOf(insertedPerTable);
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalInserted() {
        return insertedPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the database already held the whole dataset (nothing inserted). */
    public boolean alreadySeeded() {
        return totalInserted() == 0;
    }
}
