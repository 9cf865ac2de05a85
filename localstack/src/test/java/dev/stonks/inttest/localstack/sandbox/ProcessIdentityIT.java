package dev.stonks.inttest.localstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link ProcessIdentity} against a real process. */
class ProcessIdentityIT {

    @Test
    void aRecordedProcessIsRecognisedByItsStartTimeNotJustItsPid() throws Exception {
        // Given
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessIdentity recorded = ProcessIdentity.ofRunning(sleeper.pid());
            ProcessIdentity sameButEarlier = new ProcessIdentity(recorded.pid(), recorded.startedAt().minusSeconds(60),
                    recorded.startTicks() == null ? null : recorded.startTicks() - 6000);
            ProcessIdentity instantOnly = new ProcessIdentity(recorded.pid(), recorded.startedAt(), null);

            // Then
            assertThat(recorded.isRunning()).isTrue();
            assertThat(recorded.isRecycled()).isFalse();
            assertThat(instantOnly.isRunning()).isTrue();
            assertThat(sameButEarlier.isRunning()).as("another process now has that pid").isFalse();
            assertThat(sameButEarlier.isRecycled()).isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        ProcessIdentity gone = new ProcessIdentity(sleeper.pid(), Instant.now(), null);
        assertThat(gone.isRunning()).isFalse();
        assertThat(gone.isRecycled()).isFalse();
    }
}
