package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The {@code customData} of testsuiterun.finished: the verdict as inttest states it (snake_case like the pipeline's
 * events; every field present, {@code results} null when the results artifact was not stored).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerdictData(String runId, int attempt, int exitCode, String imageTag, String results, int passed,
        int failed, int errors) {
}
