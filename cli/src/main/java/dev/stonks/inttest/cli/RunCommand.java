package dev.stonks.inttest.cli;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ResultsSchema;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.resultspage.ResultsPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code inttest run}: brings up the embedded stack, requests one run, prints each stage as its events arrive,
 * writes the results file, shuts everything down and returns the verdict's exit code (2 when no verdict came).
 */
final class RunCommand {
    static final String SANDBOX_ROOT_ENV = "INTTEST_SANDBOX_ROOT";

    private final RunOptions options;
    private final PrintStream out;
    private final Progress progress;

    RunCommand(RunOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.progress = new Progress(out);
    }

    int call() {
        Path home = InttestHome.resolve();
        Path stackDir = home.resolve(".inttest/stacks").resolve(options.runId());
        Path sandboxRoot = Optional.ofNullable(System.getenv(SANDBOX_ROOT_ENV)).map(Path::of)
                .orElse(home.resolve(".sandboxes"));
        if (options.dryRun()) {
            return SandboxDryRun.print(home, options, out);
        }
        progress.line("run " + options.runId() + ": image tag " + options.imageTag() + ", backend "
                + options.backend() + (options.skipTeardown() ? ", teardown skipped" : ""));
        LocalStack stack;
        try {
            // a kubernetes run: the provisioner makes the sandbox in the cluster of the kubeconfig / service account
            Map<String, String> env = RunOptions.BACKEND_KUBERNETES.equals(options.backend())
                    ? Map.of("PROVISIONER_BACKENDS", RunOptions.BACKEND_KUBERNETES) : Map.of();
            stack = LocalStack.start(home, stackDir, sandboxRoot, env, progress);
        } catch (RuntimeException e) {
            progress.line("stack: failed to start: " + e.getMessage());
            progress.line("logs: " + stackDir.resolve("logs"));
            return 2;
        }
        Thread hook = new Thread(stack::close, "inttest-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (stack) {
            return runAndReport(stack);
        } finally {
            progress.line("stack: stopped");
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs or ran; nothing to remove
            }
        }
    }

    private int runAndReport(LocalStack stack) {
        Optional<RunVerdict> verdict;
        try (RunWatcher watcher = new RunWatcher(stack.bootstrapServers(), options.runId())) {
            publish(stack.bootstrapServers(), new RunRequested(options.runId(), options.imageTag(), options.namespace(),
                    options.skipTeardown(), options.scale(), options.backend(), Instant.now(),
                    "cli:" + System.getProperty("user.name"), null));
            verdict = watcher.awaitVerdict(options.timeout(), received -> progress.event(received.event()));
        }
        if (verdict.isEmpty()) {
            progress.line("no verdict within " + options.timeout().toSeconds() + " s; logs in " + stack.logs());
            return 2;
        }
        writeResults(verdict.get());
        if (verdict.get().exitCode() != 0) {
            progress.line("logs: " + stack.logs());
        }
        return verdict.get().exitCode();
    }

    private void publish(String bootstrapServers, RunRequested request) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaEventRecords.toProducerRecord(EventCodec.encode(request, "cli")))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting the run", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish run.requested: " + e.getMessage(), e);
        }
    }

    /** {@code r.json} -> {@code r.html}, beside the results file. */
    static Path pageFor(Path resultsFile) {
        String name = resultsFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return resultsFile.resolveSibling(base + ".html");
    }

    private void writeResults(RunVerdict verdict) {
        try {
            String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(verdict.results());
            List<String> violations = ResultsSchema.violations(json);
            if (!violations.isEmpty()) {
                progress.line("warning: results do not match the schema: " + violations);
            }
            Files.writeString(options.resultsFile(), json + "\n");
            progress.line("results: " + options.resultsFile().toAbsolutePath());
            Path page = pageFor(options.resultsFile());
            Files.writeString(page, ResultsPage.render(verdict.results()));
            progress.line("page:    " + page.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + options.resultsFile() + ": " + e.getMessage(), e);
        }
    }
}
