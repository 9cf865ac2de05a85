package dev.stonks.inttest.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The gateway's settings ({@code gateway.*}, env {@code GATEWAY_*}); checked at start-up by {@link GatewayConfigCheck}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * The GitHub webhook's secret: every delivery must carry its HMAC-SHA256 in {@code X-Hub-Signature-256}. Without
     * it the webhook answers 503; an unsigned delivery is never accepted.
     */
    Optional<String> webhookSecret();

    /** Branches whose pushes request a run (the branch name, without {@code refs/heads/}). */
    @WithDefault("main")
    List<String> branches();

    /** Repositories ({@code owner/name}) whose pushes request a run; unset: any repository that signs with the secret. */
    Optional<List<String>> repositories();

    /**
     * Backend of the runs a push requests, and of API requests that name none: {@code local} (the contract's default,
     * what the embedded stack's provisioner serves) or {@code kubernetes} (set in k8s/).
     */
    @WithDefault("local")
    String backend();

    /** Replicas per service under test of the runs a push requests, and of API requests that name none. */
    @WithDefault("1")
    int scale();

    /** How many recent webhook deliveries are remembered, so that a redelivery does not emit again. */
    @WithDefault("10000")
    int deliveryLogCapacity();

    /** The webhook secret, when one is set and not blank. */
    default Optional<String> effectiveWebhookSecret() {
        return webhookSecret().filter(s -> !s.isBlank());
    }
}
