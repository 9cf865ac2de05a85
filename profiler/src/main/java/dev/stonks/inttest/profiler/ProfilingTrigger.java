package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.support.ReceivedEvents;
import dev.stonks.inttest.support.stage.StageRunner;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Runs the profiling stage when integration_tests completes, whether the tests passed or not. The stage fails only
 * when the tests reported no timings at all; whatever else cannot be measured is named in the output's
 * {@code unavailable}.
 */
@ApplicationScoped
public class ProfilingTrigger {
    private final ReceivedEvents received;
    private final StageRunner stages;
    private final EndpointProfiler profiler;

    public ProfilingTrigger(ReceivedEvents received, StageRunner stages, EndpointProfiler profiler) {
        this.received = received;
        this.stages = stages;
        this.profiler = profiler;
    }

    @Incoming("stages-in")
    @Blocking(ordered = false)
    public CompletionStage<Void> onStage(Message<byte[]> message) {
        return received.handle(message, r -> {
            if (r.event() instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS && !c.cancelled()) {
                profile(c);
            }
        });
    }

    void profile(StageCompleted tests) {
        String runId = tests.runId();
        stages.run(runId, Stage.PROFILING, tests.attempt(), tests.context(),
                ctx -> {
                    if (tests.output().path("timings").isMissingNode()) {
                        throw new StageFailedException("no_samples",
                                "integration_tests reported no timings (" + tests.status().id() + ": "
                                        + (tests.error() == null ? "" : tests.error().message()) + ")");
                    }
                    return StageResult.ok(profiler.profile(tests.output(TestsOutput.class), ctx,
                            () -> stages.throwIfCancelled(runId, Stage.PROFILING)), ctx);
                });
    }
}
