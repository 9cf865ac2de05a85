package dev.stonks.inttest.gateway.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.gateway.http.GatewayException;
import dev.stonks.inttest.gateway.testing.TestConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunRequestsTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private final RunRequests requests = new RunRequests(TestConfig.defaults().withBackend("kubernetes", 2));

    @Test
    void aPushRunsTheCommitOnTheConfiguredBackendInANamespaceNamedAfterTheRun() {
        GitRef git = new GitRef("stonks/stonks", "refs/heads/main", "6113728f27ae82c7b1a177c8d03f9e96e0adf246");

        RunRequested r = requests.forPush("stonks-inttest-gh-abc", git.sha(), "octocat", git, NOW);

        assertThat(r.runId()).isEqualTo("stonks-inttest-gh-abc");
        assertThat(r.namespace()).isEqualTo(r.runId());
        assertThat(r.imageTag()).isEqualTo(git.sha());
        assertThat(r.backend()).isEqualTo("kubernetes");
        assertThat(r.scale()).isEqualTo(2);
        assertThat(r.skipTeardown()).isFalse();
        assertThat(r.requestedBy()).isEqualTo("octocat");
        assertThat(r.git()).isEqualTo(git);
        assertThat(r.requestedAt()).isEqualTo(NOW);
    }

    @Test
    void anApiRequestTakesTheDefaultsForWhatItLeavesOut() {
        RunRequested r = requests.forApi("v1.2.3", null, null, null, null, "ci", NOW);

        assertThat(r.runId()).startsWith("stonks-inttest-api-");
        assertThat(r.namespace()).isEqualTo(r.runId());
        assertThat(r.backend()).isEqualTo("kubernetes");
        assertThat(r.scale()).isEqualTo(2);
        assertThat(r.skipTeardown()).isFalse();
        assertThat(r.requestedBy()).isEqualTo("ci");
        assertThat(r.git()).isNull();
    }

    @Test
    void anApiRequestsNamespaceIsItsRunId() {
        RunRequested r = requests.forApi("v1", "stonks-inttest-ci-42", true, 3, "local", "ci job 42", NOW);

        assertThat(r.runId()).isEqualTo("stonks-inttest-ci-42");
        assertThat(r.namespace()).isEqualTo("stonks-inttest-ci-42");
        assertThat(r.skipTeardown()).isTrue();
        assertThat(r.scale()).isEqualTo(3);
        assertThat(r.backend()).isEqualTo("local");
        assertThat(r.requestedBy()).isEqualTo("ci job 42");
    }

    @Test
    void eachInvalidFieldIsNamed() {
        assertField(() -> requests.forApi(null, null, null, null, null, null, NOW), "image_tag");
        assertField(() -> requests.forApi("a b", null, null, null, null, null, NOW), "image_tag");
        assertField(() -> requests.forApi("v1", "my-namespace", null, null, null, null, NOW), "namespace");
        assertField(() -> requests.forApi("v1", "stonks-inttest-UPPER", null, null, null, null, NOW), "namespace");
        assertField(() -> requests.forApi("v1", null, null, 0, null, null, NOW), "scale");
        assertField(() -> requests.forApi("v1", null, null, 1001, null, null, NOW), "scale");
        assertField(() -> requests.forApi("v1", null, null, null, "docker", null, NOW), "backend");
        assertField(() -> requests.forApi("v1", null, null, null, null, "x\ny", NOW), "requested_by");
    }

    @Test
    void aCancellationNeedsAValidRunIdAndHasADefaultReason() {
        RunCancelRequested c = requests.cancel("stonks-inttest-gh-abc", null, "alice", NOW);

        assertThat(c.reason()).isEqualTo(RunRequests.DEFAULT_CANCEL_REASON);
        assertThat(c.requestedBy()).isEqualTo("alice");
        assertThat(requests.cancel("stonks-inttest-gh-abc", " flaky infra ", "ci", NOW).reason())
                .isEqualTo("flaky infra");
        assertField(() -> requests.cancel("Not_A_Run", null, "ci", NOW), "run_id");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID_REQUEST);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
