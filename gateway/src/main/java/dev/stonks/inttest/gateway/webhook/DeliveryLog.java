package dev.stonks.inttest.gateway.webhook;

import dev.stonks.inttest.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook deliveries this replica turned into runs, the most recent {@code capacity} of them (oldest forgotten
 * first), so that a redelivery answers with the same run and emits nothing. Per replica and in memory: a redelivery
 * that reaches another replica, or arrives after a restart, is emitted again under the same run id (derived from the
 * delivery id), which the stages handle idempotently.
 */
@ApplicationScoped
public class DeliveryLog {

    /** A delivery that requested a run. */
    public record Recorded(String runId, String imageTag) {
    }

    private final Map<String, Recorded> recent;

    @Inject
    public DeliveryLog(GatewayConfig config) {
        this(config.deliveryLogCapacity());
    }

    public DeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.recent = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<Recorded> find(String deliveryId) {
        return Optional.ofNullable(recent.get(deliveryId));
    }

    /** Remembers that {@code deliveryId} requested {@code runId}; call it only once the event was acknowledged. */
    public synchronized void record(String deliveryId, String runId, String imageTag) {
        recent.putIfAbsent(deliveryId, new Recorded(runId, imageTag));
    }

    public synchronized int size() {
        return recent.size();
    }
}
