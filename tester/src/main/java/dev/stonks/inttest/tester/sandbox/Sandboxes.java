package dev.stonks.inttest.tester.sandbox;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The sandboxes of the suite runs in progress in this JVM, by a key the runner hands to the JUnit launcher as the
 * configuration parameter {@value #PARAMETER}. Several runs may test different sandboxes at the same time.
 */
public final class Sandboxes {
    /** The JUnit configuration parameter naming the sandbox of a launch. */
    public static final String PARAMETER = "inttest.sandbox";

    private static final ConcurrentMap<String, Sandbox> ACTIVE = new ConcurrentHashMap<>();

    private Sandboxes() {
    }

    public static String register(Sandbox sandbox) {
        String key = sandbox.runId() + "/" + UUID.randomUUID();
        ACTIVE.put(key, sandbox);
        return key;
    }

    public static Optional<Sandbox> get(String key) {
        return Optional.ofNullable(ACTIVE.get(key));
    }

    public static void remove(String key) {
        ACTIVE.remove(key);
    }
}
