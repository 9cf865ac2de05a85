package dev.stonks.inttest.stonks.dataset;

/** {@code ingestion_runs.status}. */
public enum IngestionStatus {
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String value;

    IngestionStatus(String value) {
        this.value = value;
    }

    /** The value in the database and in JSON. */
    public String value() {
        return value;
    }

    public static IngestionStatus fromValue(String value) {
        for (IngestionStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown ingestion status: " + value);
    }
}
