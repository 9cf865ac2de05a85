package dev.stonks.inttest.reporter.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run in flight as its partial document: the latest attempt of each stage reached, the rest pending. */
class PartialRunTest {

    @Test
    void theLatestAttemptOfEachStageAndPendingForTheRest() {
        // Given a run whose infra_deploy passed on its second attempt and whose seed_data runs
        RunRecord run = new RunRecord();
        run.runId = "stonks-inttest-p1";
        run.status = RunStatus.RUNNING;
        run.imageTag = "abc123";
        run.branch = "main";
        run.commit = "abc123";
        run.requestedAt = Instant.parse("2026-12-02T05:00:00Z");
        run.stage = "seed_data";
        run.attempt = 2;

        // When
        ObjectNode doc = HistoryReads.partial(run, List.of(attempt("infra_deploy", 1, "failed"),
                attempt("infra_deploy", 2, "ok"), attempt("seed_data", 2, StageAttemptRecord.RUNNING)));

        // Then
        assertThat(doc.get("status").asText()).isEqualTo("running");
        assertThat(doc.get("requested_at").asText()).isEqualTo("2026-12-02T05:00:00Z");
        assertThat(doc.at("/stages/infra_deploy/status").asText()).isEqualTo("ok");
        assertThat(doc.at("/stages/infra_deploy/attempt").asInt()).isEqualTo(2);
        assertThat(doc.at("/stages/seed_data/status").asText()).isEqualTo("running");
        assertThat(doc.at("/stages/teardown/status").asText()).isEqualTo("pending");
        assertThat(doc.get("stages")).hasSize(6);
        assertThat(HistoryReads.summary(run).get("tests").isNull()).isTrue();
        assertThat(HistoryReads.summary(run).get("exit_code").isNull()).isTrue();
    }

    private static StageAttemptRecord attempt(String stage, int attempt, String status) {
        StageAttemptRecord a = new StageAttemptRecord();
        a.runId = "stonks-inttest-p1";
        a.stage = stage;
        a.attempt = attempt;
        a.status = status;
        a.startedAt = Instant.parse("2026-12-02T05:00:01Z");
        return a;
    }
}
