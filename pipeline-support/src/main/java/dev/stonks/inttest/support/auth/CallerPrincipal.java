package dev.stonks.inttest.support.auth;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as their credential says: the name from the tokens file and the roles it grants. This, never a
 * field of a request body, is who "requested", "opened" or "approved" something.
 */
public record CallerPrincipal(String name, Set<String> roles) implements Principal {
    /** The caller of an open API ({@code auth.open=true}): nobody known, every role. */
    public static final String ANONYMOUS = "anonymous";

    public CallerPrincipal {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return name + " " + new TreeSet<>(roles);
    }
}
