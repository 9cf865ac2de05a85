package dev.stonks.inttest.cli;

import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.ResultsSchema;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunEvent;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.localstack.sandbox.OrphanSandboxes;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackReaper;
import dev.stonks.inttest.resultspage.ResultsPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code inttest run}: removes what dead owners left, attaches to the resident stack when one is up (else brings up
 * a one-shot embedded stack), requests one run, prints each stage as its events arrive, writes the results file,
 * shuts down the stack it started (never the resident one) and returns the verdict's exit code (2 when no verdict
 * came). SIGINT or SIGTERM cancels the run: the CLI waits up to 60 s for its verdict (a second
 * signal stops the waiting) and exits 130 or 143.
 */
final class RunCommand {
    static final String SANDBOX_ROOT_ENV = "INTTEST_SANDBOX_ROOT";
    /** How long the CLI waits for a cancelled run's verdict after SIGINT or SIGTERM. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(60);
    /** Between SIGTERM and SIGKILL when removing what a dead owner left. */
    private static final Duration REAP_GRACE = Duration.ofSeconds(10);

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
        reapDeadOwners(home, sandboxRoot);
        Optional<ResidentStack.Resident> resident = residentStack(home);
        if (resident.isPresent()) {
            return attached(home, resident.get());
        }
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
            return runAndReport(stack.bootstrapServers(), stack.logs(), false);
        } finally {
            progress.line("stack: stopped");
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs or ran; nothing to remove
            }
        }
    }

    /**
     * Removes what runs whose CLI died left behind: stacks whose owner is gone, then sandboxes whose owner is gone
     * (not those kept with skip_teardown: their expiry ends them). Never fails the run.
     */
    private void reapDeadOwners(Path home, Path sandboxRoot) {
        try {
            List<StackReaper.Reaped> stacks = new StackReaper(REAP_GRACE).reapDead(StackFile.stacksRoot(home));
            List<String> sandboxes = OrphanSandboxes.reap(sandboxRoot, REAP_GRACE);
            if (!stacks.isEmpty() || !sandboxes.isEmpty()) {
                progress.line("reaped what dead owners left: " + stacks.size() + " stack(s) "
                        + stacks.stream().map(r -> r.dir().getFileName().toString()).toList() + ", "
                        + sandboxes.size() + " sandbox(es) " + sandboxes);
            }
        } catch (RuntimeException e) {
            progress.line("warning: could not reap what dead owners left: " + e.getMessage());
        }
    }

    /**
     * The resident stack to attach to: a local run while a resident stack is up (one still starting is waited for).
     * Kubernetes runs start their own stack, whose provisioner serves that backend.
     */
    private Optional<ResidentStack.Resident> residentStack(Path home) {
        if (!RunOptions.BACKEND_LOCAL.equals(options.backend())) {
            return Optional.empty();
        }
        Path dir = ResidentStack.dir(home);
        Optional<ResidentStack.Resident> live = ResidentStack.live(dir);
        if (live.isPresent() && !live.get().ready()) {
            progress.line("stack: the resident stack is starting (daemon pid " + live.get().pid() + "); waiting");
            return ResidentStack.awaitReady(dir, ResidentCommands.UP_TIMEOUT);
        }
        return live;
    }

    /** The run on the resident stack: nothing is started or stopped here; Ctrl-C cancels the run only. */
    private int attached(Path home, ResidentStack.Resident resident) {
        progress.line("stack: attached to the resident stack (pid " + resident.pid() + ", kafka "
                + resident.bootstrapServers() + ")");
        if (ResidentCommands.reporterKnowsRun(resident.reporterUrl(), options.runId())) {
            // the pipeline never runs a run id twice: its stages and verdict are on the log already
            progress.line("run " + options.runId() + " already ran on the resident stack; pick another --namespace");
            return 2;
        }
        return runAndReport(resident.bootstrapServers(), ResidentStack.stackDir(ResidentStack.dir(home))
                .resolve("logs"), true);
    }

    private int runAndReport(String bootstrapServers, Path logs, boolean attached) {
        Optional<RunVerdict> verdict = Optional.empty();
        // on the resident stack the topics hold earlier runs: follow from their end (positions taken before the
        // request is published)
        try (RunWatcher watcher = new RunWatcher(bootstrapServers, options.runId(), attached);
                Interrupts interrupts = Interrupts.install()) {
            publish(bootstrapServers, new RunRequested(options.runId(), options.imageTag(), options.namespace(),
                    options.skipTeardown(), options.scale(), options.backend(), Instant.now(), requestedBy(), null),
                    "run.requested");
            Instant deadline = Instant.now().plus(options.timeout());
            while (verdict.isEmpty() && Instant.now().isBefore(deadline) && !interrupts.stopWaiting()) {
                Optional<String> signal = interrupts.takeCancel();
                if (signal.isPresent()) {
                    deadline = requestCancel(bootstrapServers, signal.get(), deadline);
                }
                verdict = watcher.pollOnce(received -> progress.event(received.event()));
            }
            if (interrupts.interrupted()) {
                return afterInterrupt(logs, attached, interrupts, verdict);
            }
        }
        if (verdict.isEmpty()) {
            progress.line("no verdict within " + options.timeout().toSeconds() + " s; logs in " + logs);
            return 2;
        }
        writeResults(verdict.get());
        if (verdict.get().exitCode() != 0) {
            progress.line("logs: " + logs);
        }
        return verdict.get().exitCode();
    }

    /** Publishes run.cancel-requested; returns the new deadline: at most {@link #CANCEL_WAIT} from now. */
    private Instant requestCancel(String bootstrapServers, String signal, Instant deadline) {
        try {
            publish(bootstrapServers, new RunCancelRequested(options.runId(), "interrupted by SIG" + signal,
                    Instant.now(), requestedBy()), "run.cancel-requested");
            progress.line("cancel requested (SIG" + signal + "); waiting up to " + CANCEL_WAIT.toSeconds()
                    + " s for teardown; press Ctrl-C again to stop waiting");
        } catch (RuntimeException e) {
            progress.line("cancel could not be requested (SIG" + signal + "): " + e.getMessage());
        }
        Instant limit = Instant.now().plus(CANCEL_WAIT);
        return limit.isBefore(deadline) ? limit : deadline;
    }

    /** After SIGINT/SIGTERM: the results when the verdict came, and 130/143 whatever the verdict said. */
    private int afterInterrupt(Path logs, boolean attached, Interrupts interrupts, Optional<RunVerdict> verdict) {
        if (verdict.isPresent()) {
            writeResults(verdict.get());
        } else if (interrupts.stopWaiting()) {
            progress.line(attached ? "stopped waiting for the cancelled run; the resident stack goes on with its "
                    + "teardown" : "stopped waiting for the cancelled run; the stack stops now, and the next run "
                    + "removes what is left");
        } else {
            progress.line("no verdict within " + CANCEL_WAIT.toSeconds() + " s of the cancel; logs in " + logs);
        }
        return interrupts.exitCode();
    }

    private static String requestedBy() {
        return "cli:" + System.getProperty("user.name");
    }

    private void publish(String bootstrapServers, RunEvent event, String what) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaEventRecords.toProducerRecord(EventCodec.encode(event, "cli")))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + what + ": " + e.getMessage(), e);
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
