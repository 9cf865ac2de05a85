package dev.stonks.inttest.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import jakarta.ws.rs.core.Response;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunsResourceTest {

    private static final Instant T0 = Instant.parse("2026-01-15T12:00:00Z");

    private final VerdictArchive archive = new VerdictArchive();
    private final VerdictLedger ledger = new VerdictLedger();
    private final Runs runs = new Runs(new SmallRyeConfigBuilder().withMapping(ReporterConfig.class).build()
            .getConfigMapping(ReporterConfig.class), ledger);
    private final RunsResource resource = new RunsResource(archive, runs);

    @Test
    void runningListsTheRunsInFlightWithTheirStageOldestFirst() throws Exception {
        // Given a run at seed_data, a later run just requested, and a run whose verdict is out
        String first = "stonks-inttest-r1";
        String second = "stonks-inttest-r2";
        String done = "stonks-inttest-r0";
        RunContext context = new RunContext("abc123", first, false, 1, "local", null, null);
        runs.get(second).requested(new RunRequested(second, "abc123", second, false, 1, null, T0.plusSeconds(5),
                "test", null), T0.plusSeconds(5));
        runs.get(first).requested(new RunRequested(first, "abc123", first, false, 1, null, T0, "test", null), T0);
        runs.get(first).started(new StageStarted(first, Stage.SEED_DATA, 1, T0.plusSeconds(3), context),
                T0.plusSeconds(3));
        ledger.record(done, 1);
        runs.get(done).requested(new RunRequested(done, "abc123", done, false, 1, null, T0, "test", null), T0);
        runs.get(done).completed(new StageCompleted(done, Stage.TEARDOWN, 1, StageStatus.OK, T0, T0, 0.0, null,
                null, context), T0);

        // When
        Response response = resource.list("running");

        // Then
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(response.getEntity()));
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("run_id").asText()).isEqualTo(first);
        assertThat(body.get(0).get("stage").asText()).isEqualTo("seed_data");
        assertThat(body.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(body.get(0).get("started_at").asText()).isEqualTo("2026-01-15T12:00:00Z");
        assertThat(body.get(1).get("run_id").asText()).isEqualTo(second);
        assertThat(body.get(1).get("stage").asText()).isEqualTo("infra_deploy");
    }

    @Test
    void anotherStatusOrNoneIsAProblem() throws Exception {
        for (String status : new String[] {null, "", "done", "RUNNING"}) {
            Response response = resource.list(status);
            assertThat(response.getStatus()).as(String.valueOf(status)).isEqualTo(400);
            assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
            assertThat(Json.MAPPER.readTree((String) response.getEntity()).get("detail").asText())
                    .contains("'running'");
        }
    }

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
