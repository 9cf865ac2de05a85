package dev.stonks.inttest.events;

import java.util.List;

/** Kafka topic names of the pipeline. Every event is keyed by its run id. */
public final class Topics {
    public static final String RUNS = "inttest.runs";
    public static final String STAGES = "inttest.stages";
    public static final String VERDICTS = "inttest.verdicts";
    public static final String DLQ = "inttest.dlq";
    /** Each verdict again as CDEvents (testsuiterun.finished, testoutput.published), for CD tools outside inttest. */
    public static final String CDEVENTS = "inttest.cdevents";

    public static final List<String> ALL = List.of(RUNS, STAGES, VERDICTS, DLQ, CDEVENTS);

    /** Partitions per topic when the pipeline creates them; several, so runs spread over consumers. */
    public static final int DEFAULT_PARTITIONS = 3;

    private Topics() {
    }
}
