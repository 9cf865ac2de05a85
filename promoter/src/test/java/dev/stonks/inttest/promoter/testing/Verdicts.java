package dev.stonks.inttest.promoter.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunVerdict;
import java.time.Instant;

/** run.verdict events as the reporter publishes them (the results carry image_tag and git). */
public final class Verdicts {
    private Verdicts() {
    }

    public static RunVerdict verdict(String runId, String imageTag, int exitCode) {
        return verdict(runId, imageTag, exitCode, 1);
    }

    /** The verdict of one attempt of the run (a replay's verdict is of attempt 2 or later). */
    public static RunVerdict verdict(String runId, String imageTag, int exitCode, int attempt) {
        ObjectNode results = Json.MAPPER.createObjectNode().put("run_id", runId).put("image_tag", imageTag)
                .put("exit_code", exitCode).put("attempt", attempt);
        results.putObject("git").put("repository", "https://github.com/stonks/stonks.git").put("ref", "main")
                .put("sha", imageTag);
        return new RunVerdict(runId, exitCode, results, Instant.now());
    }
}
