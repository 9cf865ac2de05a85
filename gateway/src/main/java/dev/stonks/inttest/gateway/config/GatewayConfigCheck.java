package dev.stonks.inttest.gateway.config;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.support.auth.Credentials;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Stops the gateway at start-up when a setting is unusable, and says what the missing optional ones mean. */
@ApplicationScoped
public class GatewayConfigCheck {
    public static final Set<String> BACKENDS = Set.of(RunContext.BACKEND_LOCAL, RunContext.BACKEND_KUBERNETES);
    public static final int MAX_SCALE = 1000;
    private static final Logger LOG = Logger.getLogger(GatewayConfigCheck.class);

    void onStart(@Observes StartupEvent event, GatewayConfig config, Credentials credentials) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("gateway settings: " + String.join("; ", problems));
        }
        if (config.effectiveWebhookSecret().isEmpty()) {
            LOG.warn("no gateway.webhook-secret (GATEWAY_WEBHOOK_SECRET): POST /webhooks/github answers 503");
        }
        credentials.checkAtStartup("gateway");
        LOG.infof("pushes to %s of %s request runs on backend %s at scale %d", config.branches(),
                config.repositories().map(Object::toString).orElse("any repository"), config.backend(),
                config.scale());
    }

    /** What is wrong with {@code config}; empty when it is usable. */
    public static List<String> problems(GatewayConfig config) {
        List<String> problems = new ArrayList<>();
        if (!BACKENDS.contains(config.backend())) {
            problems.add("gateway.backend '" + config.backend() + "' is not one of " + BACKENDS);
        }
        if (config.scale() < 1 || config.scale() > MAX_SCALE) {
            problems.add("gateway.scale must be in 1.." + MAX_SCALE + ", was " + config.scale());
        }
        if (config.branches().stream().anyMatch(b -> b.isBlank() || b.startsWith("refs/"))) {
            problems.add("gateway.branches " + config.branches() + ": give branch names without refs/heads/");
        }
        if (config.deliveryLogCapacity() < 1) {
            problems.add("gateway.delivery-log-capacity must be >= 1, was " + config.deliveryLogCapacity());
        }
        config.repositories().ifPresent(repos -> repos.stream().filter(r -> !r.matches("[^/\\s]+/[^/\\s]+"))
                .forEach(r -> problems.add("gateway.repositories: '" + r + "' is not owner/name")));
        return problems;
    }
}
