package dev.stonks.inttest.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.GitRef;
import dev.stonks.inttest.gateway.http.GatewayException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a GitHub {@code push} webhook payload the gateway uses.
 *
 * @param ref        the full ref pushed, e.g. {@code refs/heads/main} or {@code refs/tags/v1.2}
 * @param after      the commit the ref points to after the push (all zeros when the ref was deleted)
 * @param deleted    whether the push deleted the ref
 * @param repository {@code repository.full_name}, e.g. {@code stonks/stonks}
 * @param pushedBy   {@code sender.login}, else {@code pusher.name}, else {@code github}
 */
public record GitHubPushEvent(String ref, String after, boolean deleted, String repository, String pushedBy) {
    static final String BRANCH_PREFIX = "refs/heads/";
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern ZEROS = Pattern.compile("0+");

    /** Reads a push payload; a missing or malformed field is a 400 that names it. */
    public static GitHubPushEvent from(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw GatewayException.invalid("the push payload is not a JSON object");
        }
        String ref = text(payload.path("ref"), "ref");
        String after = text(payload.path("after"), "after");
        if (!SHA.matcher(after).matches()) {
            throw GatewayException.invalidField("after", "after '" + after + "' is not a commit SHA (40 or 64 "
                    + "lower-case hex digits)");
        }
        JsonNode deleted = payload.path("deleted");
        if (!deleted.isMissingNode() && !deleted.isNull() && !deleted.isBoolean()) {
            throw GatewayException.invalidField("deleted", "deleted must be a boolean");
        }
        String repository = text(payload.path("repository").path("full_name"), "repository.full_name");
        String pushedBy = optionalText(payload.path("sender").path("login"))
                .or(() -> optionalText(payload.path("pusher").path("name"))).orElse("github");
        return new GitHubPushEvent(ref, after, deleted.asBoolean(false), repository, pushedBy);
    }

    /** The branch pushed to, when the ref is a branch. */
    public Optional<String> branch() {
        return ref.startsWith(BRANCH_PREFIX) ? Optional.of(ref.substring(BRANCH_PREFIX.length())) : Optional.empty();
    }

    /** Whether the push removed the ref (then there is no commit to test). */
    public boolean deletesRef() {
        return deleted || ZEROS.matcher(after).matches();
    }

    public GitRef gitRef() {
        return new GitRef(repository, ref, after);
    }

    private static String text(JsonNode node, String field) {
        return optionalText(node).orElseThrow(() -> GatewayException.invalidField(field,
                "the push payload has no " + field));
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
