package dev.stonks.inttest.gateway.webhook;

import static dev.stonks.inttest.gateway.testing.PushPayloads.SHA;
import static dev.stonks.inttest.gateway.testing.PushPayloads.ZEROS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;

class PushFilterTest {
    private final PushFilter filter = new PushFilter(TestConfig.defaults().withBranches("main", "release/2026.1"));

    @Test
    void aNewCommitOnAConfiguredBranchRequestsARun() {
        assertThat(filter.ignoreReason(push("refs/heads/main", SHA, false))).isEmpty();
        assertThat(filter.ignoreReason(push("refs/heads/release/2026.1", SHA, false))).isEmpty();
    }

    @Test
    void otherBranchesTagsAndDeletionsAreIgnoredWithTheReason() {
        assertThat(filter.ignoreReason(push("refs/heads/feature-x", SHA, false))).get().asString()
                .contains("feature-x").contains("not one of");
        assertThat(filter.ignoreReason(push("refs/tags/v1", SHA, false))).get().asString().contains("not a branch");
        assertThat(filter.ignoreReason(push("refs/heads/main", ZEROS, true))).get().asString().contains("deleted");
    }

    @Test
    void aBranchNamePrefixIsNotTheBranch() {
        assertThat(filter.ignoreReason(push("refs/heads/main-old", SHA, false))).isPresent();
    }

    @Test
    void aRepositoryListRestrictsWhosePushesCount() {
        PushFilter onlyStonks = new PushFilter(TestConfig.defaults().withRepositories("stonks/stonks"));

        assertThat(onlyStonks.ignoreReason(push("refs/heads/main", SHA, false))).isEmpty();
        assertThat(onlyStonks.ignoreReason(new GitHubPushEvent("refs/heads/main", SHA, false, "someone/else", "x")))
                .get().asString().contains("someone/else");
    }

    private static GitHubPushEvent push(String ref, String after, boolean deleted) {
        return new GitHubPushEvent(ref, after, deleted, "stonks/stonks", "octocat");
    }
}
