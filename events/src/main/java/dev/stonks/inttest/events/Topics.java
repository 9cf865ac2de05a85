package dev.stonks.inttest.events;

import java.util.List;

/** Kafka topic names of the pipeline. Every event is keyed by its run id. */
public final class Topics {
    public static final String RUNS = "inttest.runs";
    public static final String STAGES = "inttest.stages";
    public static final String VERDICTS = "inttest.verdicts";
    public static final String DLQ = "inttest.dlq";

    public static final List<String> ALL = List.of(RUNS, STAGES, VERDICTS, DLQ);

    /** Partitions per topic when the pipeline creates them; several, so runs spread over consumers. */
    public static final int DEFAULT_PARTITIONS = 3;

    private Topics() {
    }
}
