package dev.stonks.inttest.events;

/** Events on {@link Topics#RUNS}: requests that start, stop or re-run a run. */
public sealed interface RunEvent extends InttestEvent permits RunRequested, RunCancelRequested, RunReplayRequested {
}
