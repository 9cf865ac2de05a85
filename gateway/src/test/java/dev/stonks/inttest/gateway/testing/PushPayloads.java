package dev.stonks.inttest.gateway.testing;

import java.nio.charset.StandardCharsets;

/** Push payloads shaped like GitHub's (trimmed to the fields around the ones the gateway reads). */
public final class PushPayloads {
    public static final String REPOSITORY = "stonks/stonks";
    public static final String SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    public static final String ZEROS = "0000000000000000000000000000000000000000";

    private PushPayloads() {
    }

    public static byte[] push(String ref, String after) {
        return push(ref, after, false);
    }

    public static byte[] push(String ref, String after, boolean deleted) {
        return ("""
                {
                  "ref": "%s",
                  "before": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
                  "after": "%s",
                  "created": false,
                  "deleted": %s,
                  "forced": false,
                  "compare": "https://github.com/stonks/stonks/compare/0d1a26e67d8f...6113728f27ae",
                  "commits": [],
                  "head_commit": null,
                  "repository": {
                    "id": 186853002,
                    "name": "stonks",
                    "full_name": "%s",
                    "private": true,
                    "owner": {"login": "stonks"},
                    "default_branch": "main"
                  },
                  "pusher": {"name": "octocat", "email": "octocat@github.com"},
                  "sender": {"login": "octocat", "id": 583231, "type": "User"}
                }
                """).formatted(ref, after, deleted, REPOSITORY).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] ping() {
        return """
                {"zen": "Keep it logically awesome.", "hook_id": 1, "hook": {"type": "Repository", "events": ["push"]},
                 "repository": {"full_name": "stonks/stonks"}, "sender": {"login": "octocat"}}
                """.getBytes(StandardCharsets.UTF_8);
    }
}
