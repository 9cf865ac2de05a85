package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The results of published verdicts, by run id and by image tag (the latest), for the results API. In memory. */
@ApplicationScoped
public class VerdictArchive {
    private final Map<String, ObjectNode> byRun = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> latestByTag = new ConcurrentHashMap<>();

    void record(ObjectNode results) {
        byRun.put(results.path("run_id").asText(), results);
        latestByTag.merge(results.path("image_tag").asText(), results,
                (old, now) -> now.path("completed_at").asText().compareTo(old.path("completed_at").asText()) >= 0
                        ? now : old);
    }

    Optional<ObjectNode> run(String runId) {
        return Optional.ofNullable(byRun.get(runId));
    }

    Optional<ObjectNode> latest(String imageTag) {
        return Optional.ofNullable(latestByTag.get(imageTag));
    }
}
