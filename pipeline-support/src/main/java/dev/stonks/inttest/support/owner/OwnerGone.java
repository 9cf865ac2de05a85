package dev.stonks.inttest.support.owner;

import java.time.Instant;

/**
 * Fired once (a CDI event) when the process that owns this service's stack has died: the service cancels or finishes
 * what it does for the stack's runs, then exits (see {@link OwnerWatch}).
 */
public record OwnerGone(OwnerProcess owner, Instant noticedAt) {
}
