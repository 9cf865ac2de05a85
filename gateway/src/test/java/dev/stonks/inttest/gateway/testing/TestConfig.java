package dev.stonks.inttest.gateway.testing;

import dev.stonks.inttest.gateway.config.GatewayConfig;
import java.util.List;
import java.util.Optional;

/** A {@link GatewayConfig} for tests without Quarkus. */
public record TestConfig(Optional<String> webhookSecret, List<String> branches, Optional<List<String>> repositories,
        String backend, int scale, int deliveryLogCapacity) implements GatewayConfig {

    public static final String SECRET = "It's a Secret to Everybody";

    /** The defaults, with a webhook secret. */
    public static TestConfig defaults() {
        return new TestConfig(Optional.of(SECRET), List.of("main"), Optional.empty(), "local", 1, 100);
    }

    public TestConfig withSecret(String secret) {
        return new TestConfig(Optional.ofNullable(secret), branches, repositories, backend, scale,
                deliveryLogCapacity);
    }

    public TestConfig withBranches(String... names) {
        return new TestConfig(webhookSecret, List.of(names), repositories, backend, scale,
                deliveryLogCapacity);
    }

    public TestConfig withRepositories(String... names) {
        return new TestConfig(webhookSecret, branches, Optional.of(List.of(names)), backend, scale,
                deliveryLogCapacity);
    }

    public TestConfig withBackend(String name, int replicas) {
        return new TestConfig(webhookSecret, branches, repositories, name, replicas, deliveryLogCapacity);
    }
}
