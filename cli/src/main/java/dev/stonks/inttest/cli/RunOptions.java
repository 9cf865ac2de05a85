package dev.stonks.inttest.cli;

import static dev.stonks.inttest.cli.OptionValues.number;
import static dev.stonks.inttest.cli.OptionValues.value;

import dev.stonks.inttest.events.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The options of {@code inttest run}, i.e. of the seed's {@code run_pipeline.sh}. The namespace doubles as the run
 * id, as in the seed's results ({@code "run_id": "stonks-inttest-1705312800"}).
 */
public record RunOptions(String imageTag, String namespace, boolean skipTeardown, Path resultsFile, int scale,
        Duration timeout, String backend, boolean dryRun) {

    public static final String BACKEND_LOCAL = "local";
    public static final String BACKEND_KUBERNETES = "kubernetes";
    /** Environment variable that picks the backend when {@code --backend} is not given. */
    public static final String BACKEND_ENV = "INTTEST_BACKEND";

    /** The usage text, shared with run_pipeline.sh ({@code infra/inttest/run_pipeline.usage}). */
    public static final String USAGE = usageText();

    public RunOptions {
        Names.requireImageTag(imageTag);
        Names.requireNamespace(namespace);
        Path parent = resultsFile.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("results file directory '" + parent + "' does not exist");
        }
        if (Files.isDirectory(resultsFile)) {
            throw new IllegalArgumentException("results file '" + resultsFile + "' is a directory");
        }
        if (!BACKEND_LOCAL.equals(backend) && !BACKEND_KUBERNETES.equals(backend)) {
            throw new IllegalArgumentException("backend '" + backend + "' is not local or kubernetes");
        }
        if (dryRun && !BACKEND_KUBERNETES.equals(backend)) {
            throw new IllegalArgumentException("--dry-run needs --backend kubernetes");
        }
    }

    public String runId() {
        return namespace;
    }

    /** {@code stonks-inttest-<epoch seconds>-<4 hex>}: the seed's default plus a suffix, so parallel runs differ. */
    static String defaultNamespace() {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return Names.NAMESPACE_PREFIX + Instant.now().getEpochSecond() + "-" + HexFormat.of().formatHex(random);
    }

    /** Parses the arguments after {@code run}; throws {@link UsageException} with a one-line reason. */
    public static RunOptions parse(String... args) {
        return parseWithBackendEnv(System.getenv(BACKEND_ENV), args);
    }

    /** As {@link #parse(String...)}, with the value of {@value #BACKEND_ENV} given (null when unset). */
    static RunOptions parseWithBackendEnv(String backendEnv, String... args) {
        String backend = backendEnv == null || backendEnv.isBlank() ? BACKEND_LOCAL : backendEnv;
        boolean dryRun = false;
        String imageTag = "latest";
        String namespace = null;
        boolean skipTeardown = false;
        String resultsFile = "inttest-results.json";
        int scale = 1;
        int timeoutSeconds = 1200;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--image-tag" -> imageTag = value(args, i++);
                case "--namespace" -> namespace = value(args, i++);
                case "--skip-teardown" -> skipTeardown = true;
                case "--results-file" -> resultsFile = value(args, i++);
                case "--scale" -> scale = number(arg, value(args, i++), 1, 1000);
                case "--timeout" -> timeoutSeconds = number(arg, value(args, i++), 10, 86_400);
                case "--backend" -> backend = value(args, i++);
                case "--dry-run" -> dryRun = true;
                default -> throw new UsageException("unknown option: " + arg);
            }
        }
        try {
            return new RunOptions(imageTag, namespace == null ? defaultNamespace() : namespace, skipTeardown,
                    Path.of(resultsFile), scale, Duration.ofSeconds(timeoutSeconds), backend, dryRun);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }


    private static String usageText() {
        try (var in = RunOptions.class.getResourceAsStream("run_pipeline.usage")) {
            if (in == null) {
                throw new IllegalStateException("run_pipeline.usage is missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
