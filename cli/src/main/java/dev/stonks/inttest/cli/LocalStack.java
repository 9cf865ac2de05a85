package dev.stonks.inttest.cli;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.FreePorts;
import dev.stonks.inttest.localstack.HttpReadiness;
import dev.stonks.inttest.localstack.KafkaBroker;
import dev.stonks.inttest.localstack.ProcessControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The embedded pipeline: a Kafka broker and every pipeline service as child processes on free loopback ports,
 * started once and in parallel, and all stopped on {@link #close()}. Two stacks side by side share nothing.
 */
final class LocalStack implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Path home;
    private final Path dir;
    private final Path sandboxRoot;
    private final Map<PipelineService, Long> pids = new EnumMap<>(PipelineService.class);
    private final Map<PipelineService, Integer> ports = new EnumMap<>(PipelineService.class);
    private KafkaBroker broker;
    private boolean closed;

    private final Map<String, String> serviceEnvironment;

    private LocalStack(Path home, Path dir, Path sandboxRoot, Map<String, String> serviceEnvironment) {
        this.home = home;
        this.dir = dir;
        this.sandboxRoot = sandboxRoot;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** Starts the broker, creates the topics, then starts every service and waits until each is ready. */
    static LocalStack start(Path home, Path dir, Path sandboxRoot, Progress progress) {
        return start(home, dir, sandboxRoot, Map.of(), progress);
    }

    /** As above, with extra environment variables for every service (e.g. the provisioner's backends). */
    static LocalStack start(Path home, Path dir, Path sandboxRoot, Map<String, String> serviceEnvironment,
            Progress progress) {
        for (PipelineService service : PipelineService.values()) {
            if (!Files.isRegularFile(service.jar(home))) {
                throw new IllegalStateException(service.jar(home) + " is missing: build with ./mvnw -B install "
                        + "-DskipTests (run_pipeline.sh does this on first use)");
            }
        }
        LocalStack stack = new LocalStack(home, dir, sandboxRoot, serviceEnvironment);
        try {
            long t0 = System.nanoTime();
            stack.broker = KafkaBroker.start(dir.resolve("kafka"));
            stack.broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
            progress.line(String.format("stack: kafka ready on %s (%.1f s)", stack.broker.bootstrapServers(),
                    (System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            stack.startServices();
            progress.line(String.format("stack: %d services ready (%.1f s)", PipelineService.values().length,
                    (System.nanoTime() - t0) / 1e9));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Path logs() {
        return dir.resolve("logs");
    }

    private void startServices() {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (PipelineService service : PipelineService.values()) {
            int port = FreePorts.pick();
            Path log = logs().resolve(service.id() + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.add("-jar");
            command.add(service.jar(home).toString());
            Map<String, String> environment = new java.util.HashMap<>(serviceEnvironment);
            environment.putAll(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "HTTP_PORT", Integer.toString(port),
                    "INTTEST_HOME", home.toString(),
                    "INTTEST_SANDBOX_ROOT", sandboxRoot.toString()));
            Process process = ProcessControl.start(command, log, environment, dir);
            synchronized (pids) {
                pids.put(service, process.pid());
                ports.put(service, port);
            }
            ready.add(CompletableFuture.runAsync(() -> HttpReadiness.await(
                    URI.create("http://127.0.0.1:" + port + "/q/health/ready"), READY_TIMEOUT, process.pid(), log)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        synchronized (pids) {
            pids.values().forEach(pid -> stops.add(CompletableFuture.runAsync(
                    () -> stopAlone(pid))));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        if (broker != null) {
            broker.close();
        }
        deleteRecursively(dir.resolve("kafka"));
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a pipeline service but not its descendants: a sandbox the provisioner started for a run with
     * skip_teardown must outlive the stack (a normal run's sandbox is gone by then, torn down by the pipeline).
     */
    private static void stopAlone(long pid) {
        ProcessControl.signal(pid, "TERM");
        if (!ProcessControl.awaitExit(pid, Duration.ofSeconds(10))) {
            ProcessControl.signal(pid, "KILL");
            ProcessControl.awaitExit(pid, Duration.ofSeconds(5));
        }
    }
}
