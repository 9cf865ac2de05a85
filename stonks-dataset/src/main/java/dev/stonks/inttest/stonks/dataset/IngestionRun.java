package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code ingestion_runs}. {@code finishedAt} is null while running; {@code error} is set exactly when
 * the run failed.
 */
public record IngestionRun(UUID id, UUID sourceId, Instant startedAt, Instant finishedAt, IngestionStatus status,
        int documentsIngested, String error) {

    public IngestionRun {
        Checks.required(id, "id");
        Checks.required(sourceId, "sourceId");
        Checks.required(startedAt, "startedAt");
        Checks.required(status, "status");
        Checks.atLeast(documentsIngested, 0, "documentsIngested");
        boolean consistent = switch (status) {
            case RUNNING -> finishedAt == null && error == null;
            case SUCCEEDED -> finishedAt != null && error == null;
            case FAILED -> finishedAt != null && error != null;
        };
        if (!consistent) {
            throw new IllegalArgumentException("inconsistent ingestion run " + id + ": status " + status
                    + ", finishedAt " + finishedAt + ", error " + error);
        }
        if (finishedAt != null && finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt before startedAt: " + id);
        }
    }
}
