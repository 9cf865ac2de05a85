package dev.stonks.inttest.localstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.localstack.ProcessControl;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provisioner killed while a component was starting leaves a process nobody recorded. Teardown stops it (it runs in
 * the sandbox's directory with the pipeline's environment) and leaves alone a process that merely sits in the
 * directory, such as a shell someone opened there.
 */
class SandboxTeardownIT {
    @TempDir
    Path root;

    @Test
    void anUnrecordedProcessOfTheSandboxIsStoppedAndAForeignOneInItsDirectoryIsNot() throws Exception {
        // Given
        LocalSandbox sandbox = LocalSandbox.create(root, SandboxRecord.create("stray", "stonks-inttest-stray", "latest",
                false, 1, Instant.now(), Instant.now().plusSeconds(3600)), SandboxSecrets.generate("u", "d", "b"));
        Path s3 = Files.createDirectories(sandbox.componentDir(LocalSandbox.S3));
        Process stray = ProcessControl.start(List.of("sleep", "300"), s3.resolve("stray.log"),
                Map.of("INTTEST_SANDBOX_ROOT", root.toString()), s3);
        ProcessBuilder foreign = new ProcessBuilder("/bin/sleep", "300").directory(s3.toFile())
                .redirectOutput(new File("/dev/null")).redirectErrorStream(true);
        foreign.environment().clear();
        Process shell = foreign.start();
        try {
            // When
            SandboxTeardown.Result result = new SandboxTeardown(Duration.ofSeconds(2),
                    Executors.newCachedThreadPool()).remove(sandbox);

            // Then
            assertThat(ProcessControl.isAlive(stray.pid())).as("the unrecorded process of the sandbox").isFalse();
            assertThat(result.notes()).anyMatch(n -> n.contains("unrecorded") && n.contains(Long.toString(stray.pid())));
            assertThat(shell.isAlive()).as("a process that only sits in the directory").isTrue();
            assertThat(sandbox.dir()).doesNotExist();
        } finally {
            stray.destroyForcibly();
            shell.destroyForcibly();
        }
    }
}
