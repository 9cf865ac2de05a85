package dev.stonks.inttest.sandboxaccess;

import dev.stonks.inttest.events.RunContext;

/** Finds the credentials of a run's sandbox where the backend keeps them (never in an event). */
public interface SandboxAccessResolver {
    SandboxAccess resolve(RunContext context);
}
