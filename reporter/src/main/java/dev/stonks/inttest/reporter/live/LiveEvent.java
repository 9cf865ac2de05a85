package dev.stonks.inttest.reporter.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import java.time.Instant;

/**
 * One server-sent event: {@code type} is the CloudEvent type's name ({@code stage.started}, {@code run.verdict},
 * ...), {@code data} the JSON {@code {"type", "run_id", "stage", "attempt", "status", "at", ...}}.
 */
public record LiveEvent(String type, String runId, ObjectNode data) {
    public static final String VERDICT = "run.verdict";

    public static LiveEvent of(String type, String runId, String stage, Integer attempt, String status, Instant at) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("type", type);
        data.put("run_id", runId);
        data.put("stage", stage);
        data.put("attempt", attempt);
        data.put("status", status);
        data.put("at", at == null ? null : at.toString());
        return new LiveEvent(type, runId, data);
    }

    public LiveEvent with(String field, Object value) {
        data.set(field, Json.tree(value));
        return this;
    }

    public boolean verdict() {
        return VERDICT.equals(type);
    }

    /** What identifies the event across the history and the live stream (a heartbeat by its time). */
    public String key() {
        return type + "|" + data.path("stage").asText() + "|" + data.path("attempt").asText() + "|"
                + data.path("status").asText() + (type.equals("stage.heartbeat") ? "|" + data.path("at").asText() : "");
    }
}
