package dev.stonks.inttest.localstack.sandbox;

import dev.stonks.inttest.localstack.InttestHome;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Where local sandboxes live: {@code $INTTEST_SANDBOX_ROOT}, else {@code <inttest home>/.sandboxes}. */
public final class SandboxRoot {

    public static final String ENV_VARIABLE = "INTTEST_SANDBOX_ROOT";
    public static final String DEFAULT_DIRECTORY = ".sandboxes";

    private SandboxRoot() {
    }

    /** The root for this process (the CLI sets {@code INTTEST_SANDBOX_ROOT} for every service it starts). */
    public static Path resolve() {
        return resolve(System.getenv(ENV_VARIABLE), InttestHome::resolve);
    }

    /** {@code environmentVariable} when set, else {@code <home>/.sandboxes}; {@code home} is asked only then. */
    public static Path resolve(String environmentVariable, Supplier<Path> home) {
        if (environmentVariable != null && !environmentVariable.isBlank()) {
            return Path.of(environmentVariable).toAbsolutePath().normalize();
        }
        return home.get().resolve(DEFAULT_DIRECTORY).toAbsolutePath().normalize();
    }
}
