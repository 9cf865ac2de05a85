package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageError;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.StageStatus;
import java.time.Duration;
import java.time.Instant;

/** A run told through the reporter's own RunState, stage by stage, as the event stream would tell it. */
final class RunFixture {
    static final String RUN = "stonks-inttest-b1";
    static final Instant T0 = Instant.parse("2026-01-15T12:00:00Z");
    static final RunContext CONTEXT = new RunContext("abc123", RUN, false, 1, "local", null, null);

    final RunState run = new RunState(RUN, WatchdogLimits.uniform(Duration.ofSeconds(60)));
    private Instant clock = T0;

    RunFixture() {
        run.requested(new RunRequested(RUN, "abc123", RUN, false, 1, null, T0, "test", null), T0);
    }

    /** Completes a stage that took {@code seconds}, starting where the previous one ended. */
    RunFixture complete(Stage stage, StageStatus status, double seconds, Object output) {
        Instant start = clock;
        clock = clock.plusMillis(Math.round(seconds * 1000));
        run.started(new StageStarted(RUN, stage, 1, start, CONTEXT), start);
        run.completed(new StageCompleted(RUN, stage, 1, status, start, clock, seconds,
                status == StageStatus.FAILED ? new StageError("boom", "it broke") : null,
                output == null ? null : Json.tree(output), CONTEXT), clock);
        return this;
    }

    RunFixture ok(Stage stage, Object output) {
        return complete(stage, StageStatus.OK, 1.0, output);
    }

    /** The stage starts and misses its deadline. */
    RunFixture timeOut(Stage stage, double afterSeconds) {
        Instant start = clock;
        clock = clock.plusMillis(Math.round(afterSeconds * 1000));
        run.started(new StageStarted(RUN, stage, 1, start, CONTEXT), start);
        run.timedOut(new RunTimedOut(RUN, stage, 1, afterSeconds, clock, CONTEXT, null), clock);
        return this;
    }

    /** Lets time pass without an event (e.g. the tests running long). */
    RunFixture idle(double seconds) {
        clock = clock.plusMillis(Math.round(seconds * 1000));
        return this;
    }

    ObjectNode results() {
        return ResultsAssembler.assemble(run.snapshot(), clock);
    }

    ObjectNode results(BudgetLimits limits) {
        return ResultsAssembler.assemble(run.snapshot(), clock, limits);
    }
}
