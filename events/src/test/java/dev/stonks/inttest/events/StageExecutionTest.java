package dev.stonks.inttest.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageExecutionTest {

    private static final RunContext CONTEXT = new RunContext("latest", "stonks-inttest-r1", false, 1, null, null,
            null);
    private final List<InttestEvent> published = Collections.synchronizedList(new ArrayList<>());

    @Test
    void publishesStartedThenCompletedWithTheOutputAndNewContext() {
        StageCompleted completed = StageExecution.run(published::add, "r1", Stage.INFRA_DEPLOY, 1, CONTEXT,
                ctx -> StageResult.ok(Map.of("postgres", "up"), ctx.withInfra(Map.of("postgres", "pg://x"))));

        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOfSatisfying(StageStarted.class,
                s -> assertThat(s.stage()).isEqualTo(Stage.INFRA_DEPLOY));
        assertThat(published.get(1)).isEqualTo(completed);
        assertThat(completed.status()).isEqualTo(StageStatus.OK);
        assertThat(completed.output().get("postgres").asText()).isEqualTo("up");
        assertThat(completed.context().infra()).containsEntry("postgres", "pg://x");
        assertThat(completed.durationS()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void anExceptionBecomesAFailedStageWithItsKind() {
        StageCompleted completed = StageExecution.run(published::add, "r1", Stage.SERVICE_DEPLOY, 1, CONTEXT, ctx -> {
            throw new StageFailedException("image_not_found", "no build for tag 'nope'");
        });

        assertThat(completed.status()).isEqualTo(StageStatus.FAILED);
        assertThat(completed.error()).isEqualTo(new StageError("image_not_found", "no build for tag 'nope'"));
        assertThat(completed.context()).isEqualTo(CONTEXT);
    }

    @Test
    void anUnexpectedExceptionIsStillReported() {
        StageCompleted completed = StageExecution.run(published::add, "r1", Stage.SEED_DATA, 1, CONTEXT, ctx -> {
            throw new IllegalStateException("connection refused");
        });
        assertThat(completed.error().kind()).isEqualTo("IllegalStateException");
        assertThat(completed.error().message()).isEqualTo("connection refused");
    }

    @Test
    void aWorkingStageBeatsUntilItCompletesAndNotAfter() throws Exception {
        StageCompleted completed = StageExecution.run(published::add, "r1", Stage.INTEGRATION_TESTS, 2, CONTEXT,
                Duration.ofMillis(50), ctx -> {
                    sleep(400);
                    return StageResult.ok(Map.of(), ctx);
                });
        int atCompletion = published.size();
        sleep(200);

        assertThat(published).hasSize(atCompletion);
        List<StageHeartbeat> beats = published.stream().filter(StageHeartbeat.class::isInstance)
                .map(StageHeartbeat.class::cast).toList();
        assertThat(beats).hasSizeBetween(4, 9)
                .allSatisfy(b -> assertThat(b.stage()).isEqualTo(Stage.INTEGRATION_TESTS))
                .allSatisfy(b -> assertThat(b.attempt()).isEqualTo(2));
        assertThat(published.get(0)).isInstanceOf(StageStarted.class);
        assertThat(published.get(published.size() - 1)).isEqualTo(completed);
    }

    @Test
    void noHeartbeatsWithoutAnInterval() {
        StageExecution.run(published::add, "r1", Stage.SEED_DATA, 1, CONTEXT, ctx -> {
            sleep(100);
            return StageResult.ok(Map.of(), ctx);
        });
        assertThat(published).hasSize(2).noneMatch(StageHeartbeat.class::isInstance);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
