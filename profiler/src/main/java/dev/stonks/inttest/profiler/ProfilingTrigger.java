package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageExecution;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.ReceivedEvents;
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
    private final EventPublisher publisher;
    private final EndpointProfiler profiler;

    public ProfilingTrigger(ReceivedEvents received, EventPublisher publisher, EndpointProfiler profiler) {
        this.received = received;
        this.publisher = publisher;
        this.profiler = profiler;
    }

    @Incoming("stages-in")
    @Blocking(ordered = false)
    public CompletionStage<Void> onStage(Message<byte[]> message) {
        return received.handle(message, r -> {
            if (r.event() instanceof StageCompleted c && c.stage() == Stage.INTEGRATION_TESTS) {
                profile(c);
            }
        });
    }

    void profile(StageCompleted tests) {
        StageExecution.run(publisher::publish, tests.runId(), Stage.PROFILING, tests.attempt(), tests.context(),
                ctx -> {
                    if (tests.output().path("timings").isMissingNode()) {
                        throw new StageFailedException("no_samples",
                                "integration_tests reported no timings (" + tests.status().id() + ": "
                                        + (tests.error() == null ? "" : tests.error().message()) + ")");
                    }
                    return StageResult.ok(profiler.profile(tests.output(TestsOutput.class), ctx), ctx);
                });
    }
}
