package dev.stonks.inttest.gateway.webhook;

import dev.stonks.inttest.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Decides whether a push requests a run: a new commit on a configured branch of an accepted repository. */
@ApplicationScoped
public class PushFilter {
    private final List<String> branches;
    private final Optional<List<String>> repositories;

    public PushFilter(GatewayConfig config) {
        this.branches = List.copyOf(config.branches());
        this.repositories = config.repositories().map(List::copyOf);
    }

    /** Why {@code push} requests no run; empty when it requests one. */
    public Optional<String> ignoreReason(GitHubPushEvent push) {
        if (repositories.isPresent() && !repositories.get().contains(push.repository())) {
            return Optional.of("repository " + push.repository() + " is not one of " + repositories.get());
        }
        Optional<String> branch = push.branch();
        if (branch.isEmpty()) {
            return Optional.of("ref " + push.ref() + " is not a branch");
        }
        if (push.deletesRef()) {
            return Optional.of("branch " + branch.get() + " was deleted");
        }
        if (!branches.contains(branch.get())) {
            return Optional.of("branch " + branch.get() + " is not one of " + branches);
        }
        return Optional.empty();
    }
}
