package dev.stonks.inttest.reporter.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunQueryTest {

    @Test
    void absentOrEmptyParametersMeanNoFilterAndTheFirstPageOfTwenty() {
        RunQuery q = RunQuery.parse(null, "", null, null, "");

        assertThat(q).isEqualTo(new RunQuery(null, null, null, 0, 20));
    }

    @Test
    void everyFilterAndThePageAreTaken() {
        RunQuery q = RunQuery.parse("failed", "abc123", "release/1.2", "3", "200");

        assertThat(q).isEqualTo(new RunQuery("failed", "abc123", "release/1.2", 3, 200));
    }

    @Test
    void eachStatusOfTheContractIsAccepted() {
        for (String status : RunStatus.ALL) {
            assertThat(RunQuery.parse(status, null, null, null, null).status()).isEqualTo(status);
        }
    }

    @Test
    void badValuesAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> RunQuery.parse("done", null, null, null, null))
                .hasMessageContaining("running|passed|failed|error|cancelled").hasMessageContaining("'done'");
        assertThatThrownBy(() -> RunQuery.parse("RUNNING", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunQuery.parse(null, "$(x)", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunQuery.parse(null, null, "a\nb", null, null)).hasMessageContaining("branch");
        assertThatThrownBy(() -> RunQuery.parse(null, null, null, "-1", null)).hasMessageContaining("page");
        assertThatThrownBy(() -> RunQuery.parse(null, null, null, "x", null)).hasMessageContaining("page");
        assertThatThrownBy(() -> RunQuery.parse(null, null, null, null, "0")).hasMessageContaining("1..200");
        assertThatThrownBy(() -> RunQuery.parse(null, null, null, null, "201")).hasMessageContaining("1..200");
        assertThatThrownBy(() -> RunQuery.parse(null, null, null, null, "2.5")).hasMessageContaining("size");
    }

    @Test
    void theStatusOfAFinishedRunFollowsItsExitCodeAndCancel() {
        assertThat(RunStatus.of(0, false)).isEqualTo("passed");
        assertThat(RunStatus.of(1, false)).isEqualTo("failed");
        assertThat(RunStatus.of(2, false)).isEqualTo("error");
        assertThat(RunStatus.of(2, true)).isEqualTo("cancelled");
    }

    @Test
    void aBranchIsTheRefWithoutItsHeadsPrefix() {
        assertThat(HistoryWrites.branch("refs/heads/main")).isEqualTo("main");
        assertThat(HistoryWrites.branch("refs/tags/v1")).isEqualTo("refs/tags/v1");
        assertThat(HistoryWrites.branch(null)).isNull();
    }
}
