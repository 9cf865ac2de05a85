package dev.stonks.inttest.support.auth;

import jakarta.ws.rs.core.SecurityContext;

/** Reads the caller {@link RoleFilter} established. */
public final class Callers {
    private Callers() {
    }

    /** The caller of a {@link RequiresRole} resource method; fails when the method is not behind a door. */
    public static CallerPrincipal of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof CallerPrincipal caller) {
            return caller;
        }
        throw new IllegalStateException("no authenticated caller: is the resource method annotated @RequiresRole?");
    }
}
