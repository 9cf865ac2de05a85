package dev.stonks.inttest.events.output;

import java.util.Map;

/** infra_deploy: where the sandbox is and which infrastructure components it runs. */
public record InfraOutput(String backend, String namespace, Map<String, ComponentStatus> components) {
}
