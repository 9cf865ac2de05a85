package dev.stonks.inttest.tester.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The live sandbox a suite run tests: the run id, the base URL of every service (from the run context), the
 * dataset's scale factor and the timed HTTP client. The runner registers one per run in {@link Sandboxes}; tests
 * receive it through {@link SandboxExtension} (a {@code Sandbox} parameter, or {@link #current()}).
 */
public final class Sandbox {
    private static final ThreadLocal<Sandbox> CURRENT = new ThreadLocal<>();

    private final String runId;
    private final Map<String, String> services;
    private final int scale;
    private final TimedHttpClient http;
    private volatile BooleanSupplier stop = () -> false;

    public Sandbox(String runId, Map<String, String> services, int scale, TimedHttpClient http) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, was " + scale);
        }
        this.runId = runId;
        this.services = Map.copyOf(services);
        this.scale = scale;
        this.http = http;
    }

    /** From now on, once {@code condition} holds, no further test of this run starts (a cancelled run). */
    public void stopWhen(BooleanSupplier condition) {
        this.stop = condition;
    }

    /** Whether tests of this run must no longer start. */
    public boolean stopped() {
        return stop.getAsBoolean();
    }

    /** The sandbox of the test running on this thread (set by {@link SandboxExtension}). */
    public static Sandbox current() {
        Sandbox sandbox = CURRENT.get();
        if (sandbox == null) {
            throw new IllegalStateException("no sandbox on this thread: the suite must use SandboxExtension "
                    + "(extend StonksSuite) and be run by the SuiteRunner");
        }
        return sandbox;
    }

    static void bind(Sandbox sandbox) {
        CURRENT.set(sandbox);
    }

    static void unbind() {
        CURRENT.remove();
    }

    public String runId() {
        return runId;
    }

    /** Service name to base URL, e.g. {@code query-api -> http://127.0.0.1:34567}. */
    public Map<String, String> services() {
        return new TreeMap<>(services);
    }

    /** The dataset's scale factor the sandbox was seeded with. */
    public int scale() {
        return scale;
    }

    /** The base URL of a service; a missing service is an error of the test (not a wrong answer). */
    public String url(String service) {
        String url = services.get(service);
        if (url == null) {
            throw new SandboxCallException("no service '" + service + "' in the run context (it has "
                    + new TreeMap<>(services).keySet() + ")");
        }
        return url;
    }

    public ServiceClient service(String name) {
        return new ServiceClient(name, url(name), http);
    }

    public TimedHttpClient http() {
        return http;
    }
}
