package dev.stonks.inttest.cli;

import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * {@code inttest stack-daemon} (hidden; {@code inttest up} starts it detached): owns the resident stack until SIGTERM
 * or SIGINT, then stops it (services, broker, guard; Kafka's data stays) and exits. It is the stack's owner, so the owner machinery applies: killed with SIGKILL, its services cancel their
 * runs, tear down and exit, and the guard removes what is left. {@code resident.json} says {@code starting}, then
 * {@code ready} with the stack's addresses; it is removed when the daemon stops the stack.
 */
final class StackDaemon {
    private StackDaemon() {
    }

    static int run(PrintStream out) {
        Path home = InttestHome.resolve();
        Path dir = ResidentStack.dir(home);
        Path stackDir = ResidentStack.stackDir(dir);
        Path sandboxRoot = Optional.ofNullable(System.getenv(RunCommand.SANDBOX_ROOT_ENV)).map(Path::of)
                .orElse(home.resolve(".sandboxes"));
        Progress progress = new Progress(out);
        ProcessIdentity self = ProcessIdentity.ofRunning(ProcessHandle.current().pid());
        Instant startedAt = Optional.ofNullable(self.startedAt()).orElse(Instant.now());
        ResidentStack.write(dir, new ResidentStack.Resident(ResidentStack.STARTING, self.pid(), self.startTicks(),
                startedAt, null, null, null, null, null));
        try {
            // the stack directory is reused: a closed marker of the previous stack would make the new guard exit
            Files.deleteIfExists(stackDir.resolve(StackFile.CLOSED));
        } catch (IOException e) {
            progress.line("stack: cannot remove " + stackDir.resolve(StackFile.CLOSED) + ": " + e.getMessage());
            ResidentStack.remove(dir, self.pid());
            return 2;
        }
        progress.line("resident stack: daemon pid " + self.pid() + ", " + dir);
        // SIGTERM (down) and SIGINT are handled here, not by shutdown hooks: the stack is closed in order (services,
        // then the broker) before the JVM exits, rather than racing the broker's own hook
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<String> signal = new AtomicReference<>();
        for (String name : Interrupts.SIGNALS) {
            Signal.handle(new Signal(name), s -> {
                signal.compareAndSet(null, s.getName());
                stop.countDown();
            });
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(home, stackDir, sandboxRoot, Map.of(), progress,
                    LocalStack.Options.fromEnvironment(), new LocalStack.Broker(ResidentStack.kafkaDir(dir),
                            ResidentStack.BROKER_PROPERTIES, true), services(dir));
        } catch (RuntimeException e) {
            progress.line("stack: failed to start: " + e.getMessage());
            progress.line("logs: " + stackDir.resolve("logs"));
            ResidentStack.remove(dir, self.pid());
            return 2;
        }
        try (stack) {
            if (stop.getCount() > 0) {
                ResidentStack.write(dir, new ResidentStack.Resident(ResidentStack.READY, self.pid(),
                        self.startTicks(), startedAt, stack.bootstrapServers(), stack.reporterUrl(), Instant.now(),
                        stack.url(PipelineService.GATEWAY), stack.url(PipelineService.PROMOTER)));
                Map<String, Integer> ports = new java.util.LinkedHashMap<>();
                ResidentStack.KEPT_PORTS.forEach(s -> ports.put(s.id(), stack.port(s)));
                ResidentStack.keepPorts(dir, ports);
                progress.line("resident stack: ready; kafka " + stack.bootstrapServers() + ", reporter "
                        + stack.reporterUrl() + ", gateway " + stack.url(PipelineService.GATEWAY) + ", promoter "
                        + stack.url(PipelineService.PROMOTER));
            }
            stop.await();
            progress.line("resident stack: stopping (SIG" + signal.get() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ResidentStack.remove(dir, self.pid());
        }
        progress.line("resident stack: stopped");
        return 0;
    }

    /**
     * Every service; the infrastructure's data, the gateway's secrets, the API tokens file (gateway and promoter) and
     * the promoter's record in the resident
     * directory, kept across down / up. The promoter decides against its local record of the environments (no
     * cluster): {@code PROMOTER_BACKEND=local}.
     */
    static LocalStack.Services services(Path dir) {
        String tokens = ResidentStack.tokensFile(dir).toAbsolutePath().toString();
        Map<PipelineService, Map<String, String>> perService = Map.of(
                PipelineService.GATEWAY, Map.of(
                        "GATEWAY_WEBHOOK_SECRET", ResidentStack.secret(dir, ResidentStack.WEBHOOK_SECRET),
                        "AUTH_TOKENS_FILE", tokens,
                        "GATEWAY_BACKEND", "local"),
                PipelineService.PROMOTER, Map.of(
                        "AUTH_TOKENS_FILE", tokens,
                        // two people for a break-glass, as in the cluster (k8s/066); up's environment may say 1
                        "PROMOTER_BREAK_GLASS_APPROVALS", System.getenv().getOrDefault(
                                "PROMOTER_BREAK_GLASS_APPROVALS", "2"),
                        "PROMOTER_BACKEND", "local",
                        "PROMOTER_LOCAL_DIR", dir.resolve(ResidentStack.PROMOTER).toAbsolutePath().toString()));
        return new LocalStack.Services(PipelineService.ALL, ResidentStack.infrastructure(dir), true, perService,
                ResidentStack.keptPorts(dir));
    }
}
