package dev.stonks.inttest.reporter;

import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;

/** What the reporter knows of the latest attempt of one stage. */
record StageRecord(int attempt, StageStarted started, StageCompleted completed, RunTimedOut timedOut) {

    boolean finished() {
        return completed != null || timedOut != null;
    }
}
