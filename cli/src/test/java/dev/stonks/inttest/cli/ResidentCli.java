package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/inttest} as a person runs it, against a resident stack of the test's own ({@code INTTEST_RESIDENT_DIR}),
 * so a developer's resident stack is never touched; sandboxes and builds under the test's temporary directory.
 */
final class ResidentCli {
    static final Path HOME = Path.of(System.getProperty("inttest.home"));

    private final Path tmp;
    private final String residentName;
    private final Path residentDir;

    /** Checks the build is done (bin/inttest builds on first use: a test never starts one). */
    ResidentCli(Path tmp, String prefix) {
        this.tmp = tmp;
        this.residentName = prefix + "-" + random();
        this.residentDir = HOME.resolve(".inttest").resolve(residentName);
        for (String m : List.of("provisioner", "seeder", "tester", "profiler", "reporter", "gateway", "promoter",
                "stonks")) {
            assertThat(HOME.resolve(m + "/target/quarkus-app/quarkus-run.jar")).as("built").isRegularFile();
        }
        assertThat(HOME.resolve("cli/target/inttest-cli.jar")).isRegularFile();
        assertThat(HOME.resolve("localstack/target/runtime/kafka")).isDirectory();
    }

    Path residentDir() {
        return residentDir;
    }

    Path sandboxes() {
        return tmp.resolve("sandboxes");
    }

    /** The local provisioner finds the build of an image tag in INTTEST_BUILDS_DIR/<tag>/quarkus-app: this repo's. */
    void buildAs(String imageTag) throws IOException {
        Path build = tmp.resolve("builds").resolve(imageTag);
        Files.createDirectories(build);
        Files.createSymbolicLink(build.resolve("quarkus-app"), HOME.resolve("stonks/target/quarkus-app"));
    }

    record Result(int exit, String output) {
    }

    /** {@code bin/inttest ARGS} with this test's resident directory; its output (stdout and stderr). */
    Result inttest(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", HOME.resolve("bin/inttest").toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(tmp, "inttest-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(Map.of(ResidentStack.DIR_ENV, residentName,
                RunCommand.SANDBOX_ROOT_ENV, sandboxes().toString(),
                "INTTEST_BUILDS_DIR", tmp.resolve("builds").toString()));
        builder.environment().remove(RunOptions.BACKEND_ENV);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/inttest " + String.join(" ", args) + " did not finish within " + timeout
                    + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[inttest " + String.join(" ", args) + "] exit " + process.exitValue() + "\n" + printed);
        return new Result(process.exitValue(), printed);
    }

    /** {@code down}, then the resident directory removed. */
    void downAndRemove() throws IOException, InterruptedException {
        inttest(Duration.ofMinutes(3), "down");
        if (Files.isDirectory(residentDir)) {
            try (Stream<Path> walk = Files.walk(residentDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Six hex digits, for names of the test's own. */
    static String random() {
        byte[] b = new byte[3];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
