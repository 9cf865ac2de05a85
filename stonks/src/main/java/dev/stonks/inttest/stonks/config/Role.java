package dev.stonks.inttest.stonks.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The four stonks services; one process runs one role ({@code stonks.role}) and serves only its own endpoints.
 * Configuration values are the lower-case hyphenated names ({@code query-api}, {@code registry}, {@code risk},
 * {@code trading}).
 */
public enum Role {
    QUERY_API("query-api", null),
    REGISTRY("registry", "registry"),
    RISK("risk", "risk"),
    TRADING("trading", "trading");

    private final String value;
    /** The first path segment after {@code /api/} that belongs to this role; query-api owns every other one. */
    private final String apiSegment;

    Role(String value, String apiSegment) {
        this.value = value;
        this.apiSegment = apiSegment;
    }

    public String value() {
        return value;
    }

    public static Role fromValue(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Role role : values()) {
            if (role.value.equals(normalized)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown stonks role '" + value
                + "': expected query-api, registry, risk or trading");
    }

    /** The role that serves {@code path}, or empty for paths outside {@code /api} (health, metrics: every role). */
    public static Optional<Role> owning(String path) {
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        String rest = path.length() > 5 ? path.substring(5) : "";
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        for (Role role : values()) {
            if (role.apiSegment != null && role.apiSegment.equals(segment)) {
                return Optional.of(role);
            }
        }
        return Optional.of(QUERY_API);
    }

    /** Whether a process in this role serves {@code path}. */
    public boolean serves(String path) {
        return owning(path).map(owner -> owner == this).orElse(true);
    }

    /** Whether this role reads the object store (and so reports it in readiness). */
    public boolean usesObjectStore() {
        return this == QUERY_API;
    }

    /** Whether this role keeps state in Redis (and so reports it in readiness). */
    public boolean usesRedis() {
        return this == TRADING;
    }

    @Override
    public String toString() {
        return value;
    }
}
