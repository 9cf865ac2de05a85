package dev.stonks.inttest.stonks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged stonks jar ({@code target/quarkus-app/quarkus-run.jar}) started as a child process with only
 * environment variables, exactly as the provisioner starts it.
 */
final class StonksProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;

    private StonksProcess(String name, Process process, int port, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("stonks.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged stonks jar at " + jar.toAbsolutePath()
                    + ": run the package phase first");
        }
        return jar;
    }

    static StonksProcess start(String name, int port, Map<String, String> env) {
        Path log = Path.of("target", "stonks-it-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // hermetic: nothing from the test JVM's environment configures the service
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("STONKS_"));
        builder.environment().putAll(env);
        try {
            return new StonksProcess(name, builder.start(), port, log, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start stonks " + name, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code path} answers {@code status}; returns the time since the process started. */
    Duration awaitStatus(HttpClient http, String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("stonks " + name + " exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == status) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(50);
        }
        throw new IllegalStateException("stonks " + name + ": " + path + " did not answer " + status + " within "
                + timeout + " (last: " + last + ")\n" + logTail());
    }

    String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
