package dev.stonks.inttest.localstack.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * How a process learns its owner (the CLI that started the local stack): {@value #PID} and {@value #START_TICKS}
 * (field 22 of {@code /proc/<pid>/stat}) in its environment. The CLI sets them for every service it starts; the
 * provisioner records them in each sandbox it creates.
 */
public final class OwnerEnvironment {
    public static final String PID = "INTTEST_OWNER_PID";
    public static final String START_TICKS = "INTTEST_OWNER_START_TICKS";

    private OwnerEnvironment() {
    }

    /** The environment variables naming {@code owner}; empty when its start ticks are unknown (no /proc). */
    public static Map<String, String> of(ProcessIdentity owner) {
        if (owner.startTicks() == null) {
            return Map.of();
        }
        return Map.of(PID, Long.toString(owner.pid()), START_TICKS, Long.toString(owner.startTicks()));
    }

    /** The owner named by {@code env}; empty when either variable is missing or not a number. */
    public static Optional<ProcessIdentity> read(Map<String, String> env) {
        String pid = env.get(PID);
        String ticks = env.get(START_TICKS);
        if (pid == null || ticks == null || pid.isBlank() || ticks.isBlank()) {
            return Optional.empty();
        }
        try {
            long p = Long.parseLong(pid.strip());
            long t = Long.parseLong(ticks.strip());
            return p > 0 && t >= 0 ? Optional.of(new ProcessIdentity(p, null, t)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
