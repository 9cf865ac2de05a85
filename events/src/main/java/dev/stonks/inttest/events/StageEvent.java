package dev.stonks.inttest.events;

/** Events on {@link Topics#STAGES}: progress of a run's stages. */
public sealed interface StageEvent extends InttestEvent permits StageStarted, StageHeartbeat, StageCompleted, RunTimedOut {
    /** What every stage carries forward: the request and the endpoints found so far (never credentials). */
    RunContext context();
}
