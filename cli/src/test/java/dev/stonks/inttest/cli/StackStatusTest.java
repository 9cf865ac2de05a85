package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status document of {@code inttest status --json} and its readable lines. */
class StackStatusTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Path DIR = Path.of("/repo/.inttest/resident");
    private static final ProcessIdentity REPORTER = new ProcessIdentity(105, T0.plusSeconds(10), 1005L);
    private static final ProcessIdentity TESTER = new ProcessIdentity(103, T0.plusSeconds(10), 1003L);
    private static final ProcessIdentity KAFKA = new ProcessIdentity(100, T0, 1000L);
    private static final ProcessIdentity GATEWAY = new ProcessIdentity(106, T0.plusSeconds(10), 1006L);
    private static final ProcessIdentity HISTORY_DB = new ProcessIdentity(107, T0, 1007L);

    private final ResidentStack.Resident ready = new ResidentStack.Resident(ResidentStack.READY, 99, 999L, T0,
            "127.0.0.1:40001", "http://127.0.0.1:40005", T0.plusSeconds(20), "http://127.0.0.1:40006",
            "http://127.0.0.1:40007");
    private final StackRecord stack = StackRecord.create("stack", new ProcessIdentity(99, T0, 999L), T0)
            .with(new StackRecord.Kafka(KAFKA, 40001, 40002, "/repo/.inttest/resident/kafka/data", 0),
                    List.of(new StackRecord.Service("tester", TESTER, 40003, 2),
                            new StackRecord.Service("reporter", REPORTER, 40005, 0),
                            new StackRecord.Service("gateway", GATEWAY, 40016, 1)), null, T0)
            .withComponents(List.of(new StackRecord.Component("history-db", HISTORY_DB, 40010,
                    "/repo/.inttest/resident/history-db/data", 0)), T0);

    @Test
    void anUpStackShowsItsAddressesServicesAndRunsInFlight() {
        JsonNode runs = Json.tree(List.of(java.util.Map.of("run_id", "stonks-inttest-1", "stage", "seed_data",
                "attempt", 1, "started_at", "2026-12-01T10:01:00Z")));

        ObjectNode doc = StackStatus.json(DIR, ready, stack, p -> p.pid() != 103, Set.of("reporter")::contains,
                runs, T0.plusSeconds(130));

        assertThat(doc.get("stack").asText()).isEqualTo("resident");
        assertThat(doc.get("dir").asText()).isEqualTo(DIR.toString());
        assertThat(doc.get("bootstrap_servers").asText()).isEqualTo("127.0.0.1:40001");
        assertThat(doc.get("reporter_url").asText()).isEqualTo("http://127.0.0.1:40005");
        assertThat(doc.get("gateway_url").asText()).as("its port now, after a restart").isEqualTo(
                "http://127.0.0.1:40016");
        assertThat(doc.get("promoter_url").asText()).as("as the daemon recorded it").isEqualTo(
                "http://127.0.0.1:40007");
        assertThat(doc.get("services")).extracting(n -> n.get("name").asText()).containsExactly("tester", "reporter",
                "gateway");
        assertThat(doc.get("components").get(0).get("name").asText()).isEqualTo("history-db");
        assertThat(doc.get("components").get(0).get("running").asBoolean()).isTrue();
        assertThat(doc.get("components").get(0).get("data_dir").asText()).endsWith("history-db/data");
        JsonNode reporter = doc.get("services").get(1);
        assertThat(reporter.get("name").asText()).isEqualTo("reporter");
        assertThat(reporter.get("pid").asLong()).isEqualTo(105);
        assertThat(reporter.get("uptime_s").asLong()).isEqualTo(120);
        assertThat(reporter.get("restarts").asInt()).isZero();
        assertThat(reporter.get("ready").asBoolean()).isTrue();
        JsonNode tester = doc.get("services").get(0);
        assertThat(tester.get("ready").asBoolean()).as("not running").isFalse();
        assertThat(tester.get("uptime_s").isNull()).isTrue();
        assertThat(tester.get("restarts").asInt()).isEqualTo(2);
        assertThat(doc.get("kafka").get("data_dir").asText()).endsWith("kafka/data");
        assertThat(doc.get("runs_in_flight").get(0).get("stage").asText()).isEqualTo("seed_data");

        List<String> text = StackStatus.text(doc);
        assertThat(text.get(0)).contains("up", "daemon pid 99");
        assertThat(text).anyMatch(l -> l.contains("reporter") && l.contains("ready") && l.contains("2m00s"));
        assertThat(text).anyMatch(l -> l.contains("tester") && l.contains("NOT READY"));
        assertThat(text).anyMatch(l -> l.contains("stonks-inttest-1") && l.contains("seed_data"));
        assertThat(text).anyMatch(l -> l.contains("POST http://127.0.0.1:40016/webhooks/github"));
        assertThat(text).anyMatch(l -> l.contains("history-db") && l.contains("running"));
    }

    @Test
    void theRunsInFlightAreThePagedItemsOrABareArray() {
        JsonNode item = Json.tree(java.util.Map.of("run_id", "stonks-inttest-2", "status", "running"));
        JsonNode paged = Json.tree(java.util.Map.of("items", List.of(item), "page", 0, "size", 20, "total", 1));

        assertThat(StackStatus.runsOf(paged)).containsExactly(item);
        assertThat(StackStatus.runsOf(Json.tree(List.of(item)))).containsExactly(item);
        assertThat(StackStatus.runsOf(Json.tree(java.util.Map.of("page", 0)))).isNull();
        assertThat(StackStatus.runsOf(null)).isNull();
    }

    @Test
    void noDaemonIsNotUpWithEmptyListsAndNulls() {
        ObjectNode doc = StackStatus.json(DIR, null, null, p -> true, s -> true, null, T0);

        assertThat(doc.get("stack").isNull()).isTrue();
        assertThat(doc.get("reporter_url").isNull()).isTrue();
        assertThat(doc.get("bootstrap_servers").isNull()).isTrue();
        assertThat(doc.get("services")).isEmpty();
        assertThat(doc.get("runs_in_flight")).isEmpty();
        assertThat(StackStatus.text(doc)).containsExactly("resident stack: not up (" + DIR + ")");
    }

    @Test
    void aStartingStackIsNotUpYet() {
        ResidentStack.Resident starting = new ResidentStack.Resident(ResidentStack.STARTING, 99, 999L, T0, null,
                null, null, null, null);

        ObjectNode doc = StackStatus.json(DIR, starting, null, p -> true, s -> true, null, T0);

        assertThat(doc.get("stack").isNull()).isTrue();
        assertThat(doc.get("state").asText()).isEqualTo("starting");
        assertThat(StackStatus.text(doc).get(0)).contains("starting", "daemon pid 99");
    }

    @Test
    void aReporterThatDoesNotAnswerLeavesTheRunsUnknown() {
        ObjectNode doc = StackStatus.json(DIR, ready, stack, p -> true, s -> true, null, T0);

        assertThat(doc.get("runs_in_flight").isNull()).isTrue();
        assertThat(StackStatus.text(doc)).contains("runs in flight: unknown (the reporter did not answer)");
    }

    @Test
    void durationsAreShort() {
        assertThat(StackStatus.duration(45)).isEqualTo("45s");
        assertThat(StackStatus.duration(725)).isEqualTo("12m05s");
        assertThat(StackStatus.duration(3 * 3600 + 7 * 60 + 5)).isEqualTo("3h07m");
    }
}
