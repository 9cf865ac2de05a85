package dev.stonks.inttest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant T0 = Instant.parse("2026-01-15T12:00:00Z");
    private static final RunContext CONTEXT = new RunContext("abc123", "stonks-inttest-r1", false, 1, "local",
            Map.of("postgres", "postgresql://127.0.0.1:5432/stonks"), Map.of());

    @Test
    void roundTripsAStageCompletedInBinaryMode() {
        // Given
        StageCompleted event = new StageCompleted("stonks-inttest-r1", Stage.SEED_DATA, 2, StageStatus.OK, T0,
                T0.plusSeconds(3), 3.0, null, Json.tree(Map.of("rows", 42)), CONTEXT);

        // When
        EventEnvelope envelope = EventCodec.encode(event, "seeder");
        ReceivedEvent received = EventCodec.decode(Topics.STAGES, envelope.headers(), envelope.value());

        // Then
        assertThat(envelope.topic()).isEqualTo(Topics.STAGES);
        assertThat(envelope.key()).isEqualTo("stonks-inttest-r1");
        assertThat(envelope.headers()).containsEntry("ce_type", "dev.stonks.inttest.stage.completed.v1")
                .containsEntry("ce_source", "/inttest/seeder").containsEntry("ce_subject", "stonks-inttest-r1")
                .containsEntry("ce_specversion", "1.0").containsEntry("content-type", "application/json")
                .containsKey("ce_id").containsKey("ce_time");
        assertThat(received.event()).isEqualTo(event);
        String json = new String(envelope.value(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"run_id\":\"stonks-inttest-r1\"", "\"stage\":\"seed_data\"", "\"status\":\"ok\"",
                "\"duration_s\":3.0", "\"started_at\":\"2026-01-15T12:00:00Z\"");
    }

    @Test
    void roundTripsAPromotionDecisionOnTheVerdictsTopic() {
        PromotionDecided event = new PromotionDecided("stonks-inttest-r1", "abc123", "live", PromotionDecided.PROMOTED,
                "market closed", "live-abc123", new PromotionDecided.BreakGlass("ops@stonks", "hotfix", T0.plusSeconds(3600)),
                T0);

        EventEnvelope envelope = EventCodec.encode(event, "promoter");
        ReceivedEvent received = EventCodec.decode(Topics.VERDICTS, envelope.headers(), envelope.value());

        assertThat(envelope.topic()).isEqualTo(Topics.VERDICTS);
        assertThat(envelope.headers()).containsEntry("ce_type", "dev.stonks.inttest.promotion.decided.v1");
        assertThat(received.event()).isEqualTo(event);
        assertThatThrownBy(() -> new PromotionDecided("stonks-inttest-r1", "abc123", "live", "maybe", "x", null, null,
                T0)).hasMessageContaining("decision must be one of");
    }

    @Test
    void aBreakGlassStepIsKeyedByTheBreakGlassIdAndRoundTrips() {
        BreakGlassRecorded used = new BreakGlassRecorded("bg-20261202-143000-1a2b", BreakGlassRecorded.USED,
                "promoter", "hotfix INC-42", "alice", T0, T0.plusSeconds(7200), 2, java.util.List.of("bob"),
                "stonks-inttest-r1", "live", T0.plusSeconds(60));

        EventEnvelope envelope = EventCodec.encode(used, "promoter");
        ReceivedEvent received = EventCodec.decode(Topics.VERDICTS, envelope.headers(), envelope.value());

        assertThat(envelope.topic()).isEqualTo(Topics.VERDICTS);
        assertThat(envelope.key()).isEqualTo("bg-20261202-143000-1a2b");
        assertThat(envelope.headers()).containsEntry("ce_type", "dev.stonks.inttest.promotion.break-glass.v1")
                .containsEntry("ce_subject", "bg-20261202-143000-1a2b");
        assertThat(new String(envelope.value(), StandardCharsets.UTF_8)).contains("\"approved_by\":[\"bob\"]")
                .doesNotContain("run_id");
        assertThat(received.event()).isEqualTo(used);
        assertThatThrownBy(() -> new BreakGlassRecorded("bg-1", "reopened", "alice", "x", "alice", T0, T0, 1, null,
                null, null, T0)).hasMessageContaining("action must be one of");
        assertThatThrownBy(() -> new BreakGlassRecorded("BG 1", "opened", "alice", "x", "alice", T0, T0, 1, null,
                null, null, T0)).hasMessageContaining("DNS-1123");
    }

    @Test
    void aPromotionDecisionNamesItsBackendOnlyWhenItHasOne() {
        PromotionDecided local = new PromotionDecided("stonks-inttest-r1", "abc123", "beta", PromotionDecided.PROMOTED,
                "recorded; nothing deployed", "beta-abc123", null, T0, PromotionDecided.BACKEND_LOCAL);
        PromotionDecided unnamed = new PromotionDecided("stonks-inttest-r1", "abc123", "beta",
                PromotionDecided.PROMOTED, "x", null, null, T0);

        EventEnvelope envelope = EventCodec.encode(local, "promoter");

        assertThat(new String(envelope.value(), StandardCharsets.UTF_8)).contains("\"backend\":\"local\"");
        assertThat(EventCodec.decode(Topics.VERDICTS, envelope.headers(), envelope.value()).event()).isEqualTo(local);
        assertThat(new String(EventCodec.encode(unnamed, "promoter").value(), StandardCharsets.UTF_8))
                .doesNotContain("backend");
        assertThatThrownBy(() -> new PromotionDecided("stonks-inttest-r1", "abc123", "beta", PromotionDecided.SKIPPED,
                "x", null, null, T0, "argo")).hasMessageContaining("backend must be one of");
    }

    @Test
    void everyEmissionGetsAFreshId() {
        RunRequested event = runRequested();
        assertThat(EventCodec.encode(event, "cli").headers().get("ce_id"))
                .isNotEqualTo(EventCodec.encode(event, "cli").headers().get("ce_id"));
    }

    @Test
    void toleratesUnknownFields() {
        EventEnvelope envelope = EventCodec.encode(runRequested(), "cli");
        ObjectNode data = (ObjectNode) Json.MAPPER.valueToTree(runRequested());
        data.put("added_in_a_later_minor_version", "x");

        ReceivedEvent received = EventCodec.decode(Topics.RUNS, envelope.headers(), bytes(data.toString()));

        assertThat(received.event()).isEqualTo(runRequested());
    }

    @Test
    void rejectsDataThatIsNotJson() {
        EventEnvelope envelope = EventCodec.encode(runRequested(), "cli");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, envelope.headers(), bytes("not json {")))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.NOT_JSON));
    }

    @Test
    void rejectsUnknownMajorVersion() {
        Map<String, String> headers = new HashMap<>(EventCodec.encode(runRequested(), "cli").headers());
        headers.put("ce_type", "dev.stonks.inttest.run.requested.v2");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, headers, EventCodec.encode(runRequested(), "cli")
                .value())).isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void rejectsUnknownTypeAndMissingHeaders() {
        Map<String, String> headers = new HashMap<>(EventCodec.encode(runRequested(), "cli").headers());
        headers.put("ce_type", "dev.stonks.inttest.run.exploded.v1");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, headers, bytes("{}")))
                .hasMessageContaining("unknown-type");
        headers.remove("ce_type");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, headers, bytes("{}")))
                .hasMessageContaining("missing-attribute");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, Map.of(), bytes("{}")))
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void rejectsMissingAndInvalidFieldsWithTheirName() {
        Map<String, String> headers = EventCodec.encode(runRequested(), "cli").headers();
        ObjectNode data = (ObjectNode) Json.MAPPER.valueToTree(runRequested());

        data.put("namespace", "kube-system");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, headers, bytes(data.toString())))
                .hasMessageContaining("invalid-data").hasMessageContaining("stonks-inttest-");

        data.put("namespace", "stonks-inttest-r1");
        data.remove("requested_at");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, headers, bytes(data.toString())))
                .hasMessageContaining("requested_at");
    }

    @Test
    void rejectsAnEventOnTheWrongTopicOrWithAMismatchedSubject() {
        EventEnvelope envelope = EventCodec.encode(runRequested(), "cli");
        assertThatThrownBy(() -> EventCodec.decode(Topics.STAGES, envelope.headers(), envelope.value()))
                .hasMessageContaining("wrong-topic");

        Map<String, String> headers = new HashMap<>(envelope.headers());
        headers.put("ce_subject", "stonks-inttest-other");
        assertThatThrownBy(() -> EventCodec.decode(Topics.RUNS, headers, envelope.value()))
                .hasMessageContaining("differs from run_id");
    }

    @Test
    void carriesTheReplayExtension() {
        EventEnvelope envelope = EventCodec.encode(runRequested(), "gateway", "0000-orig");
        assertThat(EventCodec.decode(Topics.RUNS, envelope.headers(), envelope.value()).attributes().replayOf())
                .isEqualTo("0000-orig");
    }

    private static RunRequested runRequested() {
        return new RunRequested("stonks-inttest-r1", "abc123", "stonks-inttest-r1", false, 1, null, T0, "test", null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
