package dev.stonks.inttest.cli;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.FreePorts;
import dev.stonks.inttest.localstack.HttpReadiness;
import dev.stonks.inttest.localstack.KafkaBroker;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.QuarkusAppLaunch;
import dev.stonks.inttest.localstack.sandbox.OwnerEnvironment;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackGuard;
import dev.stonks.inttest.localstack.stack.StackRecord;
import dev.stonks.inttest.localstack.supervision.RestartPolicy;
import dev.stonks.inttest.localstack.supervision.SupervisedProcess;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded pipeline: a Kafka broker and every pipeline service as child processes on free loopback ports,
 * started once and in parallel, and all stopped on {@link #close()}. Two stacks side by side share nothing.
 *
 * <p>Every process is supervised ({@link SupervisedProcess}): a service or the broker that exits while the stack is
 * not closing is started again with the same command and environment (a service on a fresh HTTP port, the broker on
 * its ports), with backoff, and reported dead after a
 * crash loop ({@code INTTEST_SUPERVISION=off}: exits are only reported). The stack directory holds {@code stack.json}
 * (owner, processes, restarts) and a guard process that cleans up if this JVM is killed (see
 * {@link StackGuard}); each service learns its owner from {@code INTTEST_OWNER_PID} / {@code INTTEST_OWNER_START_TICKS}.
 */
final class LocalStack implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    static final String SUPERVISION_ENV = "INTTEST_SUPERVISION";
    static final String INSTANCE_ID_ENV = "INTTEST_INSTANCE_ID";
    static final String KAFKA = "kafka";

    /**
     * How the stack treats its processes.
     *
     * @param supervise  restart processes that exit (false: only report the exit)
     * @param restarts   backoff and crash-loop limit
     * @param guardGrace how long the guard gives the services to exit on their own once the owner is gone
     */
    record Options(boolean supervise, RestartPolicy.Settings restarts, Duration guardGrace) {
        /** Supervision on unless {@code INTTEST_SUPERVISION=off}; the default policy; 60 s for the guard. */
        static Options fromEnvironment() {
            return new Options(!"off".equalsIgnoreCase(System.getenv(SUPERVISION_ENV)),
                    RestartPolicy.Settings.DEFAULT, StackGuard.DEFAULT_GRACE);
        }
    }

    /**
     * Where the broker lives and what becomes of its data.
     *
     * @param dir        the broker's working directory (its data in {@code dir/data})
     * @param properties broker properties added to the defaults
     * @param keepData   keep the data directory on {@link #close()} (false: delete it, as a one-shot stack does)
     */
    record Broker(Path dir, Map<String, String> properties, boolean keepData) {
        Broker {
            dir = dir.toAbsolutePath();
            properties = Map.copyOf(properties);
        }

        /** A one-shot stack's broker: {@code <stack dir>/kafka}, default properties, data deleted on close. */
        static Broker oneShot(Path stackDir) {
            return new Broker(stackDir.resolve(StackFile.KAFKA_DIRECTORY), Map.of(), false);
        }
    }

    /**
     * What runs besides the broker and where its data goes.
     *
     * @param services       which pipeline services
     * @param infrastructure where the reporter's PostgreSQL and the artifact store live, and their credentials
     * @param keepData       keep their data (and the broker's, see {@link Broker#keepData()}) on {@link #close()}
     * @param perService     extra environment variables of single services (e.g. the gateway's secret)
     * @param preferredPorts the port a service gets when it is free (the resident stack's gateway keeps its webhook
     *                       URL across down / up); any other service, or one whose port is taken, gets a free one
     */
    record Services(java.util.Set<PipelineService> services, StackInfrastructure.Layout infrastructure,
            boolean keepData, Map<PipelineService, Map<String, String>> perService,
            Map<PipelineService, Integer> preferredPorts) {
        Services {
            services = java.util.Set.copyOf(services);
            perService = Map.copyOf(perService);
            preferredPorts = Map.copyOf(preferredPorts);
        }

        /** A one-shot stack's: the chain, its infrastructure in {@code <stack dir>/components}, deleted on close. */
        static Services oneShot(Path stackDir) {
            return new Services(PipelineService.CHAIN, StackInfrastructure.Layout.fresh(stackDir.resolve(
                    StackFile.COMPONENTS_DIRECTORY)), false, Map.of(), Map.of());
        }
    }

    private final Path home;
    private final Path dir;
    private final Broker brokerSettings;
    private final Services servicesSettings;
    private final StackInfrastructure infrastructure;
    private final Path sandboxRoot;
    private final Map<String, String> serviceEnvironment;
    private final Progress progress;
    private final Options options;
    private final ProcessIdentity owner;
    private final Map<PipelineService, SupervisedProcess> services = new EnumMap<>(PipelineService.class);
    private final Map<PipelineService, Integer> ports = new EnumMap<>(PipelineService.class);
    /** The identity of each process's current incarnation, taken right after it started. */
    private final Map<String, ProcessIdentity> identities = new HashMap<>();
    private volatile KafkaBroker broker;
    private SupervisedProcess kafka;
    private Process guard;
    private StackRecord record;
    private boolean closed;

    private LocalStack(Path home, Path dir, Path sandboxRoot, Map<String, String> serviceEnvironment,
            Progress progress, Options options, Broker brokerSettings, Services servicesSettings) {
        this.home = home;
        this.dir = dir.toAbsolutePath();
        this.brokerSettings = brokerSettings;
        this.servicesSettings = servicesSettings;
        this.infrastructure = new StackInfrastructure(servicesSettings.infrastructure(), options, this::report,
                this::writeRecord);
        this.sandboxRoot = sandboxRoot;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
        this.progress = progress;
        this.options = options;
        this.owner = ProcessIdentity.ofRunning(ProcessHandle.current().pid());
    }

    /** Starts the broker, creates the topics, then starts every service and waits until each is ready. */
    static LocalStack start(Path home, Path dir, Path sandboxRoot, Progress progress) {
        return start(home, dir, sandboxRoot, Map.of(), progress);
    }

    /** As above, with extra environment variables for every service (e.g. the provisioner's backends). */
    static LocalStack start(Path home, Path dir, Path sandboxRoot, Map<String, String> serviceEnvironment,
            Progress progress) {
        return start(home, dir, sandboxRoot, serviceEnvironment, progress, Options.fromEnvironment());
    }

    static LocalStack start(Path home, Path dir, Path sandboxRoot, Map<String, String> serviceEnvironment,
            Progress progress, Options options) {
        return start(home, dir, sandboxRoot, serviceEnvironment, progress, options, Broker.oneShot(dir));
    }

    static LocalStack start(Path home, Path dir, Path sandboxRoot, Map<String, String> serviceEnvironment,
            Progress progress, Options options, Broker brokerSettings) {
        return start(home, dir, sandboxRoot, serviceEnvironment, progress, options, brokerSettings,
                Services.oneShot(dir));
    }

    /**
     * As above, with the broker's directory, properties and data policy, the services and where the infrastructure
     * lives given (the resident stack's). The reporter's PostgreSQL and the artifact store start in parallel with the
     * broker; the services start once all three are ready.
     */
    static LocalStack start(Path home, Path dir, Path sandboxRoot, Map<String, String> serviceEnvironment,
            Progress progress, Options options, Broker brokerSettings, Services servicesSettings) {
        for (PipelineService service : servicesSettings.services()) {
            if (!Files.isRegularFile(service.jar(home))) {
                throw new IllegalStateException(service.jar(home) + " is missing: build with ./mvnw -B install "
                        + "-DskipTests (run_pipeline.sh does this on first use)");
            }
        }
        LocalStack stack = new LocalStack(home, dir, sandboxRoot, serviceEnvironment, progress, options,
                brokerSettings, servicesSettings);
        try {
            stack.startGuard();
            long t0 = System.nanoTime();
            CompletableFuture<Void> infrastructure = stack.infrastructure.startAsync();
            try {
                stack.startBroker();
                progress.line(String.format("stack: kafka ready on %s (%.1f s)", stack.bootstrapServers(),
                        (System.nanoTime() - t0) / 1e9));
            } finally {
                awaitQuietly(infrastructure); // so that close() finds whatever of it started
            }
            infrastructure.join();
            progress.line(String.format("stack: history database and artifact store ready (%.1f s)",
                    (System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            stack.startServices();
            progress.line(String.format("stack: %d services ready (%.1f s)", servicesSettings.services().size(),
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

    private static void awaitQuietly(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (RuntimeException e) {
            // reported by the caller's join
        }
    }

    /** The base URL of a service's current incarnation. */
    String url(PipelineService service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** The infrastructure's environment (for tests and the status). */
    StackInfrastructure infrastructure() {
        return infrastructure;
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path dir() {
        return dir;
    }

    /** The reporter's base URL, {@code http://127.0.0.1:<port>}. */
    String reporterUrl() {
        return "http://127.0.0.1:" + port(PipelineService.REPORTER);
    }

    /** The pid of a service's current process. */
    long pid(PipelineService service) {
        return supervisor(service).pid();
    }

    /** A service's HTTP port (the same across restarts). */
    int port(PipelineService service) {
        synchronized (ports) {
            return ports.get(service);
        }
    }

    /** SIGKILL to a service's current process (a fault for tests); it is restarted unless supervision is off. */
    void kill(PipelineService service) {
        supervisor(service).kill();
    }

    /** How often a service was restarted. */
    int restarts(PipelineService service) {
        return supervisor(service).restarts();
    }

    /** Whether a service was given up (crash loop, or an exit with supervision off). */
    boolean isDead(PipelineService service) {
        return supervisor(service).isDead();
    }

    long kafkaPid() {
        return kafka.pid();
    }

    /** SIGKILL to the broker; it is restarted on the same ports and data unless supervision is off. */
    void killKafka() {
        kafka.kill();
    }

    /** Restarts so far by process: each service's id, and {@value #KAFKA}. */
    Map<String, Integer> restartCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        synchronized (services) {
            services.forEach((service, process) -> counts.put(service.id(), process.restarts()));
        }
        if (kafka != null) {
            counts.put(KAFKA, kafka.restarts());
        }
        return counts;
    }

    private SupervisedProcess supervisor(PipelineService service) {
        synchronized (services) {
            SupervisedProcess process = services.get(service);
            if (process == null) {
                throw new IllegalStateException(service.id() + " is not started");
            }
            return process;
        }
    }

    private void startGuard() {
        synchronized (this) {
            record = StackRecord.create(dir.getFileName().toString(), owner, Instant.now());
        }
        writeRecord();
        if (owner.startTicks() != null) {
            guard = StackGuard.start(dir, owner, options.guardGrace());
            ProcessIdentity.of(guard.pid()).ifPresent(id -> remember("guard", id));
            writeRecord();
        }
    }

    private void startBroker() {
        Path kafkaDir = brokerSettings.dir();
        Map<String, String> properties = brokerSettings.properties();
        broker = KafkaBroker.start(kafkaDir, KafkaBroker.DEFAULT_START_TIMEOUT, properties);
        broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
        int port = broker.port();
        int controllerPort = broker.controllerPort();
        remember(KAFKA, broker.process());
        kafka = new SupervisedProcess(KAFKA, () -> {
            KafkaBroker previous = broker;
            if (previous != null) {
                previous.close(); // it is gone: this only drops its shutdown hook
            }
            KafkaBroker next = KafkaBroker.start(kafkaDir, port, controllerPort, KafkaBroker.DEFAULT_START_TIMEOUT,
                    properties);
            broker = next;
            return next.process();
        }, options.restarts(), options.supervise(), broker.logFile(), this::report, restarted -> {
            remember(KAFKA, restarted);
            writeRecord();
        }).supervise(broker.process());
        writeRecord();
    }

    private void startServices() {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (PipelineService service : servicesSettings.services()) {
            Path log = logs().resolve(service.id() + ".log");
            SupervisedProcess process = new SupervisedProcess(service.id(), () -> launch(service, log),
                    options.restarts(), options.supervise(), log, this::report, restarted -> {
                        remember(service.id(), restarted);
                        writeRecord();
                    });
            synchronized (services) {
                services.put(service, process);
            }
            process.start();
            remember(service.id(), process.process());
            ready.add(CompletableFuture.runAsync(() -> awaitReady(service, process, log)));
        }
        writeRecord();
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Starts one incarnation of a service, each on a port picked just before: a port found free can be taken by
     * another process before the service binds it (several stacks starting at once), and a restart on that same port
     * would fail the same way every time.
     */
    private Process launch(PipelineService service, Path log) {
        int port = nextPort(service);
        QuarkusAppLaunch launch = QuarkusAppLaunch.of(service.jvmOptions(), service.jar(home), dir);
        Map<String, String> environment = new HashMap<>(serviceEnvironment);
        environment.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "HTTP_PORT", Integer.toString(port),
                "INTTEST_HOME", home.toString(),
                "INTTEST_SANDBOX_ROOT", sandboxRoot.toString(),
                INSTANCE_ID_ENV, service.id() + "-" + dir.getFileName()));
        environment.putAll(OwnerEnvironment.of(owner));
        environment.putAll(infrastructureEnvironment(service, port));
        environment.putAll(servicesSettings.perService().getOrDefault(service, Map.of()));
        synchronized (ports) {
            ports.put(service, port);
        }
        return ProcessControl.start(launch.command(), log, environment, launch.workingDirectory());
    }

    /**
     * The port of an incarnation: a restart keeps the previous one while it is free (the gateway's webhook URL and
     * the reporter's address stay what {@code up} printed), a first start takes the preferred one while it is free;
     * else one picked just now.
     */
    private int nextPort(PipelineService service) {
        Integer previous;
        synchronized (ports) {
            previous = ports.getOrDefault(service, servicesSettings.preferredPorts().get(service));
        }
        return previous != null && FreePorts.isFree(previous) ? previous : FreePorts.pick();
    }

    /** HISTORY_DB_*, ARTIFACTS_* and REPORTER_PUBLIC_URL for the services that use them (contracts.md). */
    private Map<String, String> infrastructureEnvironment(PipelineService service, int port) {
        Map<String, String> environment = new HashMap<>();
        if (service == PipelineService.REPORTER) {
            environment.putAll(infrastructure.historyDbEnvironment());
            environment.put("REPORTER_PUBLIC_URL", "http://127.0.0.1:" + port);
        }
        if (service == PipelineService.REPORTER || service == PipelineService.TESTER) {
            environment.putAll(infrastructure.artifactsEnvironment());
        }
        if (service == PipelineService.GATEWAY) {
            // the replay door asks the reporter about a run before publishing run.replay-requested
            environment.put("REPLAY_REPORTER_URL", "http://127.0.0.1:" + reporterPort());
        }
        return environment;
    }

    /** The reporter's port, reserved now when the reporter has not started yet (it then takes that port). */
    private int reporterPort() {
        synchronized (ports) {
            Integer port = ports.get(PipelineService.REPORTER);
            if (port == null) {
                port = nextPort(PipelineService.REPORTER);
                ports.put(PipelineService.REPORTER, port);
            }
            return port;
        }
    }

    /** Until the service's current incarnation is ready; an incarnation that dies is waited for again once restarted. */
    private void awaitReady(PipelineService service, SupervisedProcess process, Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            long pid = process.pid();
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            try {
                HttpReadiness.await(URI.create("http://127.0.0.1:" + port(service) + "/q/health/ready"), left, pid,
                        log);
                return;
            } catch (RuntimeException e) {
                if (!options.supervise() || process.isDead() || System.nanoTime() >= deadline) {
                    throw e;
                }
                // it died while starting: the supervisor restarts it (on a new port); wait for that incarnation
                while (process.pid() == pid && !process.isDead() && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
    }

    private void report(String line) {
        progress.line("stack: " + line);
    }

    private void remember(String name, Process process) {
        ProcessIdentity.of(process.pid()).ifPresent(id -> remember(name, id));
    }

    private void remember(String name, ProcessIdentity identity) {
        synchronized (identities) {
            identities.put(name, identity);
        }
    }

    /** stack.json (and stack.pids) as things are now. */
    private synchronized void writeRecord() {
        if (record == null) {
            return;
        }
        List<StackRecord.Service> entries = new ArrayList<>();
        StackRecord.Kafka kafkaEntry = null;
        synchronized (identities) {
            synchronized (services) {
                services.forEach((service, process) -> entries.add(new StackRecord.Service(service.id(),
                        identities.get(service.id()), port(service), process.restarts())));
            }
            KafkaBroker b = broker;
            if (b != null) {
                kafkaEntry = new StackRecord.Kafka(identities.get(KAFKA), b.port(), b.controllerPort(),
                        b.workDir().resolve("data").toString(), kafka == null ? 0 : kafka.restarts());
            }
            record = record.with(kafkaEntry, entries, identities.get("guard"), Instant.now())
                    .withComponents(infrastructure.components(), Instant.now());
        }
        try {
            StackFile.write(dir, record);
        } catch (UncheckedIOException e) {
            progress.line("stack: cannot write " + dir.resolve(StackFile.RECORD) + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // no restarts from here on, and no guard: this JVM stops everything itself
        List<SupervisedProcess> all = new ArrayList<>();
        synchronized (services) {
            all.addAll(services.values());
        }
        all.forEach(SupervisedProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (guard != null) {
            guard.destroyForcibly();
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        all.forEach(process -> stops.add(CompletableFuture.runAsync(() -> stopAlone(process.process()))));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        CompletableFuture<Void> infra = CompletableFuture.runAsync(infrastructure::close);
        if (broker != null) {
            broker.close();
        }
        infra.join();
        if (!brokerSettings.keepData()) {
            StackFile.deleteTree(brokerSettings.dir());
        }
        if (!servicesSettings.keepData()) {
            StackFile.deleteTree(servicesSettings.infrastructure().historyDbDir());
            StackFile.deleteTree(servicesSettings.infrastructure().artifactsDir());
        }
        try {
            StackFile.markClosed(dir);
        } catch (UncheckedIOException e) {
            // the stack directory is gone: nothing to mark
        }
    }

    /**
     * Stops a pipeline service but not its descendants: a sandbox the provisioner started for a run with
     * skip_teardown must outlive the stack (a normal run's sandbox is gone by then, torn down by the pipeline).
     */
    private static void stopAlone(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        long pid = process.pid();
        ProcessControl.signal(pid, "TERM");
        if (!ProcessControl.awaitExit(pid, Duration.ofSeconds(10))) {
            ProcessControl.signal(pid, "KILL");
            ProcessControl.awaitExit(pid, Duration.ofSeconds(5));
        }
    }
}
