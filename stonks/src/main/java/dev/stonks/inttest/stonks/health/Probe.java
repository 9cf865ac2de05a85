package dev.stonks.inttest.stonks.health;

/** The outcome of one reachability check of a dependency. */
public record Probe(String status, long latencyMs, String detail) {

    public static final String UP = "up";
    public static final String DOWN = "down";

    public static Probe up(long latencyMs) {
        return new Probe(UP, latencyMs, null);
    }

    public static Probe down(long latencyMs, String detail) {
        return new Probe(DOWN, latencyMs, detail);
    }

    public boolean isUp() {
        return UP.equals(status);
    }
}
