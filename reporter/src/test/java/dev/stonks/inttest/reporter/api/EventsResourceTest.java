package dev.stonks.inttest.reporter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.reporter.history.HistoryReads.RunTimeline;
import dev.stonks.inttest.reporter.history.RunRecord;
import dev.stonks.inttest.reporter.history.StageAttemptRecord;
import dev.stonks.inttest.reporter.live.LiveEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's past events as its stream replays them from the history, in the order they happened. */
class EventsResourceTest {
    private static final Instant T0 = Instant.parse("2026-12-02T05:00:00Z");

    @Test
    void aFinishedRunReplaysRequestStartsCompletionsATimeOutAndItsVerdict() {
        // Given a run whose infra_deploy passed, whose seed_data timed out, then torn down
        RunRecord run = run();
        run.exitCode = 2;
        run.status = "error";
        run.completedAt = T0.plusSeconds(60);
        List<StageAttemptRecord> attempts = List.of(
                attempt("infra_deploy", "ok", T0.plusSeconds(1), T0.plusSeconds(5), null),
                attempt("seed_data", StageAttemptRecord.TIMED_OUT, T0.plusSeconds(6), T0.plusSeconds(40),
                        "no stage.heartbeat from seed_data for 30 s"),
                attempt("teardown", "ok", T0.plusSeconds(41), T0.plusSeconds(60), null));

        // When
        List<LiveEvent> events = EventsResource.past(new RunTimeline(run, attempts));

        // Then
        assertThat(events).extracting(LiveEvent::type).containsExactly("run.requested", "stage.started",
                "stage.completed", "stage.started", "run.timed-out", "stage.started", "stage.completed",
                "run.verdict");
        assertThat(events.get(2).data().get("status").asText()).isEqualTo("ok");
        assertThat(events.get(2).data().get("duration_s").asDouble()).isEqualTo(4.0);
        assertThat(events.get(4).data().get("reason").asText()).contains("seed_data");
        assertThat(events.get(7).data().get("status").asText()).isEqualTo("error");
        assertThat(events.get(7).data().get("exit_code").asInt()).isEqualTo(2);
        assertThat(events.get(7).verdict()).isTrue();
    }

    @Test
    void aRunAtWorkEndsWithItsRunningStageAndTheLiveCopyOfAnEventIsRecognised() {
        RunRecord run = run();
        List<LiveEvent> events = EventsResource.past(new RunTimeline(run, List.of(
                attempt("infra_deploy", StageAttemptRecord.RUNNING, T0.plusSeconds(1), null, null))));

        assertThat(events).extracting(LiveEvent::type).containsExactly("run.requested", "stage.started");
        LiveEvent live = LiveEvent.of("stage.started", run.runId, "infra_deploy", 1, "running", T0.plusSeconds(1));
        assertThat(live.key()).isEqualTo(events.get(1).key());
        assertThat(LiveEvent.of("stage.completed", run.runId, "infra_deploy", 1, "ok", T0).key())
                .isNotEqualTo(events.get(1).key());
    }

    private static RunRecord run() {
        RunRecord run = new RunRecord();
        run.runId = "stonks-inttest-e1";
        run.status = "running";
        run.imageTag = "abc123";
        run.requestedAt = T0;
        return run;
    }

    private static StageAttemptRecord attempt(String stage, String status, Instant started, Instant completed,
            String error) {
        StageAttemptRecord a = new StageAttemptRecord();
        a.runId = "stonks-inttest-e1";
        a.stage = stage;
        a.attempt = 1;
        a.status = status;
        a.startedAt = started;
        a.completedAt = completed;
        a.durationS = completed == null ? null : (completed.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        a.errorMessage = error;
        a.errorKind = error == null ? null : "timed_out";
        return a;
    }
}
