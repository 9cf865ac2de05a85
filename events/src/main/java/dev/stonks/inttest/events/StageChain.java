package dev.stonks.inttest.events;

import java.util.Optional;

/**
 * The chain of DESIGN.md §3: which stage an event triggers. Every service asks this one place, so the chain is
 * defined once.
 */
public final class StageChain {
    private StageChain() {
    }

    /**
     * The stage a completed stage triggers, if any; teardown triggers only the report. A stage stopped by a cancel
     * leads straight to teardown.
     */
    public static Optional<Stage> next(StageCompleted completed) {
        if (completed.cancelled() && completed.stage() != Stage.TEARDOWN) {
            return Optional.of(Stage.TEARDOWN);
        }
        return switch (completed.stage()) {
            case TEARDOWN -> Optional.empty();
            // profiling runs even when tests failed: their timings are still worth having
            case INTEGRATION_TESTS -> Optional.of(Stage.PROFILING);
            case PROFILING -> Optional.of(Stage.TEARDOWN);
            default -> Optional.of(completed.ok() ? Stage.values()[completed.stage().ordinal() + 1] : Stage.TEARDOWN);
        };
    }

    /**
     * The stage whose stage.completed triggers {@code stage}; empty for infra_deploy, which run.requested triggers.
     * For teardown this is profiling, the end of a run that went through (a failed stage leads there too, but a
     * replay re-runs the chain as it goes when all is well).
     */
    public static Optional<Stage> triggerOf(Stage stage) {
        return stage == Stage.INFRA_DEPLOY ? Optional.empty() : Optional.of(Stage.values()[stage.ordinal() - 1]);
    }

    /** The stage a timed-out stage leads to: teardown, unless teardown itself timed out. */
    public static Optional<Stage> next(RunTimedOut timedOut) {
        return timedOut.stage() == Stage.TEARDOWN ? Optional.empty() : Optional.of(Stage.TEARDOWN);
    }
}
