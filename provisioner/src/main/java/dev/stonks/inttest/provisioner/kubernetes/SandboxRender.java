package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.localstack.InttestHome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prints, as YAML, what the kubernetes backend would apply, without a cluster: {@code sandbox} (the dry run of a run:
 * namespace, Secret with its values withheld, infrastructure, services at the image tag) or {@code runner} (the
 * runner Job for CI, placeholders replaced). Plain Java, run on the provisioner's classpath; {@code inttest run
 * --backend kubernetes --dry-run} uses it.
 *
 * <pre>
 * java -cp 'provisioner/target/quarkus-app/app/*:provisioner/target/quarkus-app/lib/main/*' \
 *     dev.stonks.inttest.provisioner.kubernetes.SandboxRender sandbox --namespace stonks-inttest-1 --image-tag abc123
 * </pre>
 */
public final class SandboxRender {
    static final String USAGE = """
            Usage: SandboxRender sandbox|runner --namespace NAME --image-tag TAG [--run-id ID] [--skip-teardown]
                                 [--scale N] [--manifests DIR] [--migrations DIR] [--image-repository REPO]
            """;

    private SandboxRender() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || !List.of("sandbox", "runner").contains(args[0])) {
                throw new IllegalArgumentException("say what to render: sandbox or runner");
            }
            String namespace = null;
            String imageTag = "latest";
            String runId = null;
            boolean skipTeardown = false;
            int scale = 1;
            Path manifests = null;
            Path migrations = null;
            String repository = null;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--namespace" -> namespace = value(args, i++);
                    case "--image-tag" -> imageTag = value(args, i++);
                    case "--run-id" -> runId = value(args, i++);
                    case "--skip-teardown" -> skipTeardown = true;
                    case "--scale" -> scale = Integer.parseInt(value(args, i++));
                    case "--manifests" -> manifests = Path.of(value(args, i++));
                    case "--migrations" -> migrations = Path.of(value(args, i++));
                    case "--image-repository" -> repository = value(args, i++);
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            if (namespace == null) {
                throw new IllegalArgumentException("--namespace is required");
            }
            Names.requireNamespace(namespace);
            Names.requireImageTag(imageTag);
            KubernetesSettings defaults = KubernetesSettings.defaults(manifests != null && migrations != null
                    ? Path.of(".") : InttestHome.resolve());
            KubernetesSettings settings = new KubernetesSettings(manifests == null ? defaults.manifestsDir()
                    : manifests, migrations == null ? defaults.migrationsDir() : migrations,
                    repository == null ? defaults.imageRepository() : repository, defaults.clusterDomain(), defaults
                            .readyTimeouts(), defaults.infraReadyTimeout(), defaults.serviceReadyTimeout(),
                    defaults.pollInterval(), defaults.crashLoopRestarts(), defaults.logTailLines(),
                    defaults.deleteWait(), defaults.sandboxTtl(), defaults.skipTeardownTtl(), defaults.lockTimeout(),
                    defaults.postgresUser(), defaults.postgresDatabase(), defaults.bucket());
            SandboxManifests sandbox = new SandboxManifests(settings);
            if ("runner".equals(args[0])) {
                out.print(StrictModel.yaml(sandbox.runner(namespace, imageTag)));
                return 0;
            }
            RunContext context = new RunContext(imageTag, namespace, skipTeardown, scale, RunContext
                    .BACKEND_KUBERNETES, null, null);
            Instant now = Instant.now();
            Duration ttl = skipTeardown ? settings.skipTeardownTtl() : settings.sandboxTtl();
            List<HasMetadata> objects = sandbox.plan(runId == null ? Names.requireRunId(namespace) : Names
                    .requireRunId(runId), context, now, now.plus(ttl));
            out.println("# dry run: the objects the kubernetes backend applies for run " + (runId == null ? namespace
                    : runId) + " (" + objects.size() + " objects); nothing was sent to a cluster");
            for (HasMetadata object : objects) {
                out.print(StrictModel.yaml(object));
            }
            return 0;
        } catch (IllegalArgumentException | ManifestException e) {
            err.println("SandboxRender: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        return args[i + 1];
    }
}
