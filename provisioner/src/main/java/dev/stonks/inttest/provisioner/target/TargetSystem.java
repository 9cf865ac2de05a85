package dev.stonks.inttest.provisioner.target;

import dev.stonks.inttest.localstack.sandbox.SandboxCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system under test, as the local backend runs it: its services, the build that image tag {@code latest} means,
 * and each service's environment. Everything specific to stonks is in one implementation ({@link StonksTarget}), so
 * the rest of the provisioner stays generic.
 */
public interface TargetSystem {

    /** The services, by name (the keys of {@code RunContext.services}). */
    List<String> services();

    /** {@code quarkus-run.jar} of the working tree's build: what image tag {@code latest} resolves to locally. */
    Path workingTreeBuild(Path home);

    /** GET on this path answers 200 once a service is ready. */
    String readinessPath();

    /**
     * The environment variables of one service: its port, and how to reach the sandbox's infrastructure (with
     * credentials: environment variables, unlike a command line, are not visible to other users) and the other
     * services.
     *
     * @param serviceUrls base URL of every service of the run (ports are chosen before any service starts)
     */
    Map<String, String> environment(String service, int port, SandboxCredentials credentials,
            Map<String, String> serviceUrls);

    /**
     * Prefixes of environment variables the services must not inherit from the provisioner's own environment (a
     * stray {@code QUARKUS_PROFILE} would change what is tested): only {@link #environment} configures them.
     */
    List<String> isolatedEnvironmentPrefixes();
}
