package dev.stonks.inttest.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a run may be replayed from a stage, judged on the run's document as the reporter serves it (its results
 * when finished; {@code status: running} and its stages so far while in flight). The doors (the CLI, the gateway)
 * ask it before they publish run.replay-requested, so that a person gets the answer at once; the reporter asks it
 * again, on its own state, before it re-emits anything.
 */
public final class ReplayRules {

    /** Why a replay is refused; {@code status} is the HTTP status the doors answer with (404, 409 or 400). */
    public record Refusal(int status, String message) {
    }

    private ReplayRules() {
    }

    /**
     * @param run      the run's document, or null when the run is unknown
     * @param inFlight whether the run has no verdict for its latest attempt yet
     */
    public static Optional<Refusal> check(String runId, JsonNode run, boolean inFlight, Stage from, String imageTag) {
        if (run == null || run.isMissingNode() || run.isNull()) {
            return refuse(404, "no run '" + runId + "' is known (the reporter knows the runs of its history)");
        }
        if (inFlight) {
            String at = run.path("stage").asText("");
            return refuse(409, "run " + runId + " is in flight" + (at.isEmpty() ? "" : " (at " + at + ")")
                    + "; wait for its verdict, or cancel it, before replaying it");
        }
        if (run.path("cancelled").isObject()) {
            JsonNode c = run.path("cancelled");
            return refuse(409, "run " + runId + " was cancelled by " + c.path("by").asText("?") + " ("
                    + c.path("reason").asText("") + "); a cancelled run is not replayed: request a new run");
        }
        if (imageTag != null && from.ordinal() > Stage.SERVICE_DEPLOY.ordinal()) {
            return refuse(400, "image_tag needs a replay from service_deploy (or an earlier stage), which deploys"
                    + " the services again; " + from.id() + " would test the build already deployed");
        }
        JsonNode stages = run.path("stages");
        if (from != Stage.INFRA_DEPLOY && sandboxGone(stages.path(Stage.TEARDOWN.id()))) {
            return refuse(409, "the sandbox of run " + runId + " is gone (torn down"
                    + at(stages.path(Stage.TEARDOWN.id())) + "); replay from infra_deploy, which recreates it");
        }
        Optional<Stage> trigger = StageChain.triggerOf(from);
        if (trigger.isPresent() && !triggers(stages.path(trigger.get().id()), from)) {
            JsonNode t = stages.path(trigger.get().id());
            return refuse(409, from.id() + " of run " + runId + " cannot be replayed: " + trigger.get().id()
                    + " did not complete ok (" + (t.has("attempt") ? t.path("status").asText("?") : "not reached")
                    + "); replay from " + firstNotOk(stages).id() + " instead");
        }
        return Optional.empty();
    }

    /** The run's latest attempt on its document (1 when it names none). */
    public static int attempt(JsonNode run) {
        int max = Math.max(1, run.path("attempt").asInt(1));
        for (Stage s : Stage.values()) {
            max = Math.max(max, run.path("stages").path(s.id()).path("attempt").asInt(1));
        }
        return max;
    }

    /** Teardown removed the sandbox (ok), or gave up on it (timed out: nothing is known to be left). */
    private static boolean sandboxGone(JsonNode teardown) {
        if (!teardown.has("attempt")) {
            return false;
        }
        String status = teardown.path("status").asText();
        return "ok".equals(status) || ("failed".equals(status)
                && StageError.TIMED_OUT.equals(teardown.path("error").path("kind").asText()));
    }

    /** Whether the trigger stage's latest attempt leads to {@code from}, as {@link StageChain#next} says. */
    private static boolean triggers(JsonNode trigger, Stage from) {
        if (!trigger.has("attempt")) {
            return false;
        }
        String status = trigger.path("status").asText();
        if (from == Stage.PROFILING || from == Stage.TEARDOWN) {
            // profiling follows the tests whatever they found; teardown follows profiling
            return "ok".equals(status) || ("failed".equals(status)
                    && !StageError.TIMED_OUT.equals(trigger.path("error").path("kind").asText()));
        }
        return "ok".equals(status);
    }

    private static Stage firstNotOk(JsonNode stages) {
        return Arrays.stream(Stage.values())
                .filter(s -> !stages.path(s.id()).has("attempt") || !"ok".equals(stages.path(s.id()).path("status")
                        .asText()))
                .findFirst().orElse(Stage.INFRA_DEPLOY);
    }

    private static String at(JsonNode stage) {
        String completed = stage.path("completed_at").asText("");
        return completed.isEmpty() ? "" : " at " + completed;
    }

    private static Optional<Refusal> refuse(int status, String message) {
        return Optional.of(new Refusal(status, message));
    }
}
