package dev.stonks.inttest.events;

/** Any event of the pipeline. The run id is the Kafka key and the CloudEvents subject. */
public sealed interface InttestEvent permits RunEvent, StageEvent, VerdictEvent {
    String runId();

    EventType type();
}
