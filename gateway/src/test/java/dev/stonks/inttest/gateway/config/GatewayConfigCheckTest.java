package dev.stonks.inttest.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;

class GatewayConfigCheckTest {

    @Test
    void theDefaultsAreUsable() {
        assertThat(GatewayConfigCheck.problems(TestConfig.defaults())).isEmpty();
        assertThat(GatewayConfigCheck.problems(TestConfig.defaults().withBackend("kubernetes", 3))).isEmpty();
    }

    @Test
    void unusableSettingsAreEachNamed() {
        assertThat(GatewayConfigCheck.problems(TestConfig.defaults().withBackend("docker", 0)))
                .hasSize(2).anySatisfy(p -> assertThat(p).contains("gateway.backend"))
                .anySatisfy(p -> assertThat(p).contains("gateway.scale"));
        assertThat(GatewayConfigCheck.problems(TestConfig.defaults().withBranches("refs/heads/main")))
                .singleElement().asString().contains("gateway.branches");
        assertThat(GatewayConfigCheck.problems(TestConfig.defaults().withRepositories("stonks")))
                .singleElement().asString().contains("gateway.repositories");
    }
}
