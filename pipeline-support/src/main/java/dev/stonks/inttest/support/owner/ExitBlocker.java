package dev.stonks.inttest.support.owner;

/**
 * Something that must finish before a service whose owner died may exit (runs in flight without a verdict, a stage
 * at work, a sandbox not yet torn down). {@link OwnerWatch} exits once no blocker is busy, or at its limit.
 */
public interface ExitBlocker {
    /** What is still going on, for the log; empty when nothing is. */
    String busyWith();
}
