package dev.stonks.inttest.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayRulesTest {
    private static final String RUN = "stonks-inttest-r1";

    /** A finished run: every stage ok at attempt 1, teardown as given. */
    private static ObjectNode run(String teardown) {
        ObjectNode run = Json.MAPPER.createObjectNode();
        run.put("run_id", RUN);
        run.put("exit_code", 0);
        ObjectNode stages = run.putObject("stages");
        for (Stage s : Stage.values()) {
            stages.putObject(s.id()).put("attempt", 1).put("status", "ok").put("duration_s", 1.0);
        }
        stages.with(Stage.TEARDOWN.id()).put("status", teardown).put("completed_at", "2026-12-02T05:00:00Z");
        return run;
    }

    @Test
    void aKeptSandboxCanBeReplayedFromAnyStage() {
        for (Stage s : Stage.values()) {
            assertThat(ReplayRules.check(RUN, run("skipped"), false, s, null)).as(s.id()).isEmpty();
        }
    }

    @Test
    void anUnknownRunIsA404() {
        assertThat(ReplayRules.check(RUN, null, false, Stage.SEED_DATA, null)).get()
                .extracting(ReplayRules.Refusal::status).isEqualTo(404);
    }

    @Test
    void aRunInFlightIsA409() {
        ObjectNode running = run("skipped").put("status", "running").put("stage", "integration_tests");
        Optional<ReplayRules.Refusal> r = ReplayRules.check(RUN, running, true, Stage.INTEGRATION_TESTS, null);
        assertThat(r).get().satisfies(x -> {
            assertThat(x.status()).isEqualTo(409);
            assertThat(x.message()).contains("in flight", "integration_tests");
        });
    }

    @Test
    void aTornDownSandboxNamesInfraDeployButInfraDeployItselfIsAllowed() {
        Optional<ReplayRules.Refusal> r = ReplayRules.check(RUN, run("ok"), false, Stage.INTEGRATION_TESTS, null);
        assertThat(r).get().satisfies(x -> {
            assertThat(x.status()).isEqualTo(409);
            assertThat(x.message()).contains("sandbox", "gone", "replay from infra_deploy");
        });
        assertThat(ReplayRules.check(RUN, run("ok"), false, Stage.INFRA_DEPLOY, null)).isEmpty();
    }

    @Test
    void aCancelledRunIsNotReplayed() {
        ObjectNode cancelled = run("ok");
        cancelled.putObject("cancelled").put("by", "cli:ann").put("reason", "wrong tag").put("at", "x");
        assertThat(ReplayRules.check(RUN, cancelled, false, Stage.INFRA_DEPLOY, null)).get()
                .satisfies(x -> assertThat(x.message()).contains("cancelled by cli:ann", "wrong tag"));
    }

    @Test
    void anImageTagNeedsAReplayThatDeploysTheServices() {
        assertThat(ReplayRules.check(RUN, run("skipped"), false, Stage.SERVICE_DEPLOY, "other")).isEmpty();
        assertThat(ReplayRules.check(RUN, run("skipped"), false, Stage.INTEGRATION_TESTS, "other")).get()
                .satisfies(x -> {
                    assertThat(x.status()).isEqualTo(400);
                    assertThat(x.message()).contains("service_deploy");
                });
    }

    @Test
    void aStageWhoseTriggerNeverCompletedOkNamesTheFirstStageThatDidNot() {
        ObjectNode failedSeed = run("skipped");
        failedSeed.with("stages").with("seed_data").put("status", "failed");
        failedSeed.with("stages").with("service_deploy").removeAll().put("status", "skipped").put("duration_s", 0);
        Optional<ReplayRules.Refusal> r = ReplayRules.check(RUN, failedSeed, false, Stage.INTEGRATION_TESTS, null);
        assertThat(r).get().satisfies(x -> {
            assertThat(x.status()).isEqualTo(409);
            assertThat(x.message()).contains("service_deploy did not complete ok (not reached)",
                    "replay from seed_data");
        });
        assertThat(ReplayRules.check(RUN, failedSeed, false, Stage.SEED_DATA, null)).isEmpty();
    }

    @Test
    void profilingFollowsFailedTests() {
        ObjectNode failedTests = run("skipped");
        failedTests.with("stages").with("integration_tests").put("status", "failed");
        assertThat(ReplayRules.check(RUN, failedTests, false, Stage.PROFILING, null)).isEmpty();
    }

    @Test
    void theAttemptIsTheHighestOfAnyStage() {
        ObjectNode replayed = run("skipped");
        replayed.with("stages").with("profiling").put("attempt", 3);
        assertThat(ReplayRules.attempt(replayed)).isEqualTo(3);
    }
}
