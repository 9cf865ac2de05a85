package dev.stonks.inttest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inttest run --backend kubernetes --dry-run}: prints every object the provisioner's kubernetes backend would
 * apply for the run, by running its {@code SandboxRender} on the provisioner's packaged classpath (no stack, no
 * cluster). The Secret is shown with its values withheld.
 */
final class SandboxDryRun {
    static final String RENDER = "dev.stonks.inttest.provisioner.kubernetes.SandboxRender";

    private SandboxDryRun() {
    }

    static int print(Path home, RunOptions options, PrintStream out) {
        Path app = home.resolve("provisioner/target/quarkus-app");
        if (!Files.isDirectory(app.resolve("lib/main"))) {
            System.err.println("inttest run: " + app + " is missing: build with ./mvnw -B install -DskipTests");
            return 2;
        }
        String sep = java.io.File.pathSeparator;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", app.resolve("app/*") + sep + app.resolve("lib/main/*") + sep
                        + app.resolve("lib/boot/*"), RENDER, "sandbox", "--namespace", options.namespace(),
                "--image-tag", options.imageTag(), "--run-id", options.runId(), "--scale",
                Integer.toString(options.scale()), "--manifests", home.resolve("infra/inttest").toString(),
                "--migrations", home.resolve("infra/migrations").toString()));
        if (options.skipTeardown()) {
            command.add("--skip-teardown");
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            process.getInputStream().transferTo(out);
            out.flush();
            return process.waitFor();
        } catch (IOException e) {
            System.err.println("inttest run: cannot run the dry run: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }
}
