package dev.stonks.inttest.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/**
 * A stage's result. {@code output} is stage-specific (see the stage's service README); it carries what later stages
 * and the reporter need, never a credential.
 */
public record StageCompleted(String runId, Stage stage, int attempt, StageStatus status, Instant startedAt,
        Instant completedAt, double durationS, StageError error, JsonNode output, RunContext context)
        implements StageEvent {

    public StageCompleted {
        Names.requireRunId(runId);
        Required.field(stage, "stage");
        Required.attempt(attempt);
        Required.field(status, "status");
        Required.field(startedAt, "started_at");
        Required.field(completedAt, "completed_at");
        Required.field(context, "context");
        if (status == StageStatus.FAILED && error == null) {
            throw new IllegalArgumentException("a failed stage must carry an error");
        }
        output = output == null ? JsonNodeFactory.instance.objectNode() : output;
    }

    public boolean ok() {
        return status == StageStatus.OK;
    }

    /** Whether the stage stopped because its run was cancelled. */
    public boolean cancelled() {
        return error != null && error.cancelled();
    }

    /** The stage output as a typed record. */
    public <T> T output(Class<T> type) {
        return Json.convert(output, type);
    }

    @Override
    public EventType type() {
        return EventType.STAGE_COMPLETED;
    }
}
