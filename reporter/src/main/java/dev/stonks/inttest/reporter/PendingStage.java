package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.Stage;
import java.time.Instant;

/** The stage a run waits for, and by when it must complete. */
record PendingStage(Stage stage, int attempt, Instant deadline) {
}
