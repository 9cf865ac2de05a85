package dev.stonks.inttest.gateway.webhook;

import static dev.stonks.inttest.gateway.testing.PushPayloads.SHA;
import static dev.stonks.inttest.gateway.testing.PushPayloads.ZEROS;
import static dev.stonks.inttest.gateway.testing.PushPayloads.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.gateway.http.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GitHubPushEventTest {

    @Test
    void readsABranchPush() {
        // When
        GitHubPushEvent push = GitHubPushEvent.from(json(push("refs/heads/main", SHA)));

        // Then
        assertThat(push.branch()).contains("main");
        assertThat(push.after()).isEqualTo(SHA);
        assertThat(push.deletesRef()).isFalse();
        assertThat(push.pushedBy()).isEqualTo("octocat");
        assertThat(push.gitRef()).isEqualTo(new GitRef("stonks/stonks", "refs/heads/main", SHA));
    }

    @Test
    void aBranchNameMayContainSlashes() {
        assertThat(GitHubPushEvent.from(json(push("refs/heads/release/2026.1", SHA))).branch()).contains(
                "release/2026.1");
    }

    @Test
    void aTagPushHasNoBranch() {
        assertThat(GitHubPushEvent.from(json(push("refs/tags/v1.2.0", SHA))).branch()).isEmpty();
    }

    @Test
    void aDeletionIsRecognisedByTheFlagOrByTheZeroCommit() {
        assertThat(GitHubPushEvent.from(json(push("refs/heads/main", ZEROS, true))).deletesRef()).isTrue();
        assertThat(GitHubPushEvent.from(json(push("refs/heads/main", ZEROS, false))).deletesRef()).isTrue();
    }

    @Test
    void thePusherNameStandsInForAMissingSender() {
        JsonNode payload = json(push("refs/heads/main", SHA));
        ((ObjectNode) payload).remove("sender");

        assertThat(GitHubPushEvent.from(payload).pushedBy()).isEqualTo("octocat");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertField("{\"after\": \"" + SHA + "\", \"repository\": {\"full_name\": \"a/b\"}}", "ref");
        assertField("{\"ref\": \"refs/heads/main\", \"repository\": {\"full_name\": \"a/b\"}}", "after");
        assertField("{\"ref\": \"refs/heads/main\", \"after\": \"" + SHA + "\"}", "repository.full_name");
        assertField("{\"ref\": 7, \"after\": \"" + SHA + "\", \"repository\": {\"full_name\": \"a/b\"}}", "ref");
    }

    @Test
    void anAfterThatIsNoCommitShaIsRejected() {
        assertField("{\"ref\": \"refs/heads/main\", \"after\": \"main\", \"repository\": {\"full_name\": \"a/b\"}}",
                "after");
        assertField("{\"ref\": \"refs/heads/main\", \"after\": \"" + SHA.toUpperCase()
                + "\", \"repository\": {\"full_name\": \"a/b\"}}", "after");
    }

    private static void assertField(String payload, String field) {
        assertThatThrownBy(() -> GitHubPushEvent.from(json(payload.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID_REQUEST);
                    assertThat(e.field()).isEqualTo(field);
                });
    }

    private static JsonNode json(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
