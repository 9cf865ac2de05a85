package dev.stonks.inttest.events.output;

import java.util.Map;

/** service_deploy: the build the image tag resolved to and each service's endpoint and start-up time. */
public record ServicesOutput(String imageTag, String build, Map<String, ComponentStatus> services) {
}
