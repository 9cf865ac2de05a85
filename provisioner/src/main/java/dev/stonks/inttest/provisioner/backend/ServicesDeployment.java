package dev.stonks.inttest.provisioner.backend;

import dev.stonks.inttest.events.output.ServicesOutput;
import java.util.Map;

/**
 * What service_deploy made.
 *
 * @param output the stage's output
 * @param urls   base URL per service, for {@code RunContext.withServices}
 */
public record ServicesDeployment(ServicesOutput output, Map<String, String> urls) {
    public ServicesDeployment {
        urls = Map.copyOf(urls);
    }
}
