package dev.stonks.inttest.provisioner.backend;

import dev.stonks.inttest.events.output.InfraOutput;
import java.util.Map;

/**
 * What infra_deploy made.
 *
 * @param output    the stage's output
 * @param endpoints endpoint per component without credentials, for {@code RunContext.withInfra}
 */
public record InfraDeployment(InfraOutput output, Map<String, String> endpoints) {
    public InfraDeployment {
        endpoints = Map.copyOf(endpoints);
    }
}
