package dev.stonks.inttest.events;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run's stages hand on to each other: the request's parameters and the endpoints found so far. Credentials
 * never go here; they stay in the sandbox (a 0600 file locally, a Secret in Kubernetes).
 *
 * @param infra    endpoint per infrastructure component, e.g. {@code postgres -> postgresql://127.0.0.1:5432/stonks}
 * @param services base URL per service under test, e.g. {@code query-api -> http://127.0.0.1:8081}
 */
public record RunContext(String imageTag, String namespace, boolean skipTeardown, int scale, String backend,
        Map<String, String> infra, Map<String, String> services) {

    public static final String BACKEND_LOCAL = "local";
    public static final String BACKEND_KUBERNETES = "kubernetes";

    public RunContext {
        Names.requireImageTag(imageTag);
        Names.requireNamespace(namespace);
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, was " + scale);
        }
        backend = backend == null ? BACKEND_LOCAL : backend;
        infra = infra == null ? Map.of() : Map.copyOf(infra);
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** The same run at another build (a replay with another image tag). */
    public RunContext withImageTag(String tag) {
        return new RunContext(tag, namespace, skipTeardown, scale, backend, infra, services);
    }

    public RunContext withInfra(Map<String, String> endpoints) {
        return new RunContext(imageTag, namespace, skipTeardown, scale, backend, merged(infra, endpoints), services);
    }

    public RunContext withServices(Map<String, String> endpoints) {
        return new RunContext(imageTag, namespace, skipTeardown, scale, backend, infra, merged(services, endpoints));
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new TreeMap<>(a);
        m.putAll(b);
        return m;
    }
}
