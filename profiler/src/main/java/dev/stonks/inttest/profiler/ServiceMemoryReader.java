package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.RunContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Memory per service under test, read the way the run's backend allows. */
@ApplicationScoped
public class ServiceMemoryReader {
    private final LocalMemoryReader local;
    private final KubernetesMemoryReader kubernetes;

    public ServiceMemoryReader(LocalMemoryReader local, KubernetesMemoryReader kubernetes) {
        this.local = local;
        this.kubernetes = kubernetes;
    }

    public MemoryReading read(RunContext context) {
        try {
            return switch (context.backend()) {
                case RunContext.BACKEND_LOCAL -> local.read(context);
                case RunContext.BACKEND_KUBERNETES -> kubernetes.read(context);
                default -> MemoryReading.unavailable("no memory reader for backend '" + context.backend() + "'");
            };
        } catch (RuntimeException e) {
            return MemoryReading.unavailable("memory not read: " + e);
        }
    }
}
