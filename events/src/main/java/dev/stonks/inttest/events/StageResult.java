package dev.stonks.inttest.events;

/** What a stage's work returns: its status, its output (any record, serialized as JSON) and the context to hand on. */
public record StageResult(StageStatus status, Object output, RunContext context, StageError error) {

    public static StageResult ok(Object output, RunContext context) {
        return new StageResult(StageStatus.OK, output, context, null);
    }

    public static StageResult skipped(Object output, RunContext context) {
        return new StageResult(StageStatus.SKIPPED, output, context, null);
    }

    /** The work ran but its result is a failure (e.g. tests failed); the output is still reported. */
    public static StageResult failed(StageError error, Object output, RunContext context) {
        return new StageResult(StageStatus.FAILED, output, context, error);
    }
}
