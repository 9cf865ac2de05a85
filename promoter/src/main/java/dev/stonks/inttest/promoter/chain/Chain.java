package dev.stonks.inttest.promoter.chain;

import dev.stonks.inttest.events.PromotionDecided;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One verdict's way through the stages, as kept in the state ConfigMap: the build, its Freight once found, the
 * current stage and {@link Step} (since when), the Promotion being followed, and every decision made, of which the
 * first {@code published} are on the bus.
 *
 * @param runId         the run whose verdict started the chain
 * @param attempt       the run's attempt the verdict is for (1, or the attempt of a replay; 1 in state saved before
 *                      attempts were kept)
 * @param imageTag      the build
 * @param exitCode      the verdict's exit code
 * @param startedAt     when the verdict was handled
 * @param freight       the Freight's name, once found
 * @param stage         the stage the chain is at (the last one it reached when finished)
 * @param step          where it stands there
 * @param since         when that step began (for the time limits)
 * @param promotionName the Promotion of the current stage, once created
 * @param decisions     what was decided, oldest first
 * @param published     how many of the decisions are published
 */
public record Chain(String runId, int attempt, String imageTag, int exitCode, Instant startedAt, String freight, String stage,
        Step step, Instant since, String promotionName, List<PromotionDecided> decisions, int published) {

    public Chain {
        attempt = Math.max(1, attempt);
        decisions = List.copyOf(decisions);
    }

    static Chain start(String runId, int attempt, String imageTag, int exitCode, String firstStage, Instant now) {
        return new Chain(runId, attempt, imageTag, exitCode, now, null, firstStage, Step.FIND_FREIGHT, now, null, List.of(), 0);
    }

    Chain at(String nextStage, Step nextStep, Instant now) {
        return new Chain(runId, attempt, imageTag, exitCode, startedAt, freight, nextStage, nextStep, now,
                nextStage.equals(stage) ? promotionName : null, decisions, published);
    }

    Chain withStep(Step nextStep) {
        return new Chain(runId, attempt, imageTag, exitCode, startedAt, freight, stage, nextStep, since, promotionName,
                decisions, published);
    }

    Chain withFreight(String name) {
        return new Chain(runId, attempt, imageTag, exitCode, startedAt, name, stage, step, since, promotionName, decisions,
                published);
    }

    Chain promoting(String name, Instant now) {
        return new Chain(runId, attempt, imageTag, exitCode, startedAt, freight, stage, Step.PROMOTING, now, name, decisions,
                published);
    }

    Chain decided(PromotionDecided decision) {
        List<PromotionDecided> all = new ArrayList<>(decisions);
        all.add(decision);
        return new Chain(runId, attempt, imageTag, exitCode, startedAt, freight, stage, step, since, promotionName, all,
                published);
    }

    Chain withPublished(int count) {
        return new Chain(runId, attempt, imageTag, exitCode, startedAt, freight, stage, step, since, promotionName, decisions,
                count);
    }

    List<PromotionDecided> unpublished() {
        return decisions.subList(published, decisions.size());
    }

    /** Where the chain is kept: a run has one chain per attempt (the older ones only until they are pruned). */
    String key() {
        return key(runId, attempt);
    }

    static String key(String runId, int attempt) {
        return runId + "#" + attempt;
    }
}
