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
public record Chain(String runId, String imageTag, int exitCode, Instant startedAt, String freight, String stage,
        Step step, Instant since, String promotionName, List<PromotionDecided> decisions, int published) {

    public Chain {
        decisions = List.copyOf(decisions);
    }

    static Chain start(String runId, String imageTag, int exitCode, String firstStage, Instant now) {
        return new Chain(runId, imageTag, exitCode, now, null, firstStage, Step.FIND_FREIGHT, now, null, List.of(), 0);
    }

    Chain at(String nextStage, Step nextStep, Instant now) {
        return new Chain(runId, imageTag, exitCode, startedAt, freight, nextStage, nextStep, now,
                nextStage.equals(stage) ? promotionName : null, decisions, published);
    }

    Chain withStep(Step nextStep) {
        return new Chain(runId, imageTag, exitCode, startedAt, freight, stage, nextStep, since, promotionName,
                decisions, published);
    }

    Chain withFreight(String name) {
        return new Chain(runId, imageTag, exitCode, startedAt, name, stage, step, since, promotionName, decisions,
                published);
    }

    Chain promoting(String name, Instant now) {
        return new Chain(runId, imageTag, exitCode, startedAt, freight, stage, Step.PROMOTING, now, name, decisions,
                published);
    }

    Chain decided(PromotionDecided decision) {
        List<PromotionDecided> all = new ArrayList<>(decisions);
        all.add(decision);
        return new Chain(runId, imageTag, exitCode, startedAt, freight, stage, step, since, promotionName, all,
                published);
    }

    Chain withPublished(int count) {
        return new Chain(runId, imageTag, exitCode, startedAt, freight, stage, step, since, promotionName, decisions,
                count);
    }

    List<PromotionDecided> unpublished() {
        return decisions.subList(published, decisions.size());
    }

    /** Ended without promoting anything because the verdict was not a pass (a replay may still pass). */
    boolean endedOnFailedVerdict() {
        return exitCode != 0 && step == Step.STOPPED;
    }
}
