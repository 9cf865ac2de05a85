package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunsResourceTest {

    private final VerdictArchive archive = new VerdictArchive();
    private final RunsResource resource = new RunsResource(archive);

    @Test
    void theLatestRunOfATagWins() {
        // Given two runs of one tag, recorded out of order
        archive.record(results("stonks-inttest-b", "abc123", "2026-01-15T12:10:00Z", 1));
        archive.record(results("stonks-inttest-a", "abc123", "2026-01-15T12:00:00Z", 0));

        // When
        Response latest = resource.latest("abc123");

        // Then
        assertThat(latest.getStatus()).isEqualTo(200);
        assertThat(((ObjectNode) latest.getEntity()).get("run_id").asText()).isEqualTo("stonks-inttest-b");
        assertThat(((ObjectNode) resource.run("stonks-inttest-a").getEntity()).get("exit_code").asInt()).isZero();
    }

    @Test
    void unknownAndMalformedInputGetProblemBodies() throws Exception {
        assertThat(resource.latest("nothing-here").getStatus()).isEqualTo(404);
        assertThat(resource.latest("$(x)").getStatus()).isEqualTo(400);
        assertThat(resource.latest(null).getStatus()).isEqualTo(400);
        assertThat(resource.run("Bad_Run").getStatus()).isEqualTo(400);
        Response missing = resource.run("stonks-inttest-zz");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode body = Json.MAPPER.readTree((String) missing.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.has("detail")).isTrue();
    }

    private static ObjectNode results(String run, String tag, String completedAt, int exitCode) {
        return (ObjectNode) Json.tree(Map.of("run_id", run, "image_tag", tag, "completed_at", completedAt,
                "exit_code", exitCode));
    }
}
