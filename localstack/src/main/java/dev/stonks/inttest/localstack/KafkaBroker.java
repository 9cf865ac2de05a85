package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker (KRaft, broker+controller in one node) in a child JVM, listening on two
 * free ports of 127.0.0.1. Every replication factor and min ISR is 1; topics are not auto-created.
 *
 * <p>The broker belongs to the JVM that started it: {@link #close()} stops it, and so does a shutdown hook
 * when that JVM exits normally. Another JVM can still stop it with {@code ProcessControl.stop(pid, grace)}.
 *
 * <p>Layout of the working directory: {@code data/} (log.dirs, kept on close), {@code server.properties},
 * {@code log4j2.properties}, {@code kafka.log} (broker log, INFO).
 */
public final class KafkaBroker implements AutoCloseable {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    static final String COMPONENT = "kafka";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());

    private final Process process;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final Path workDir;
    private final Path logFile;
    private final Thread shutdownHook;

    private KafkaBroker(Process process, int port, int controllerPort, String clusterId, Path workDir,
                        Path logFile) {
        this.process = process;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
        this.workDir = workDir;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopQuietly, "kafka-broker-" + process.pid() + "-stop");
    }

    /** Starts a broker in {@code workDir} (created if needed) and waits until it is ready (60 s at most). */
    public static KafkaBroker start(Path workDir) {
        return start(workDir, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts a broker in {@code workDir} and waits until {@code Admin.describeCluster()} lists it. A
     * {@code data/} directory formatted by an earlier broker is reused (same cluster id, its topics kept).
     */
    public static KafkaBroker start(Path workDir, Duration timeout) {
        return start(workDir, timeout, Map.of());
    }

    /**
     * As {@link #start(Path, Duration)}, with broker properties added to (and overriding) the defaults, e.g. a
     * longer {@code log.retention.hours} for a broker whose data is kept.
     */
    public static KafkaBroker start(Path workDir, Duration timeout, Map<String, String> extraProperties) {
        List<Integer> ports = FreePorts.pick(2);
        return start(workDir, ports.get(0), ports.get(1), timeout, extraProperties);
    }

    /**
     * Starts a broker in {@code workDir} on the given ports, e.g. again after the broker of an earlier
     * {@link #start} died: with the same ports and directory, its clients keep their bootstrap address and the
     * broker its topics and committed offsets.
     */
    public static KafkaBroker start(Path workDir, int port, int controllerPort, Duration timeout) {
        return start(workDir, port, controllerPort, timeout, Map.of());
    }

    /** As {@link #start(Path, int, int, Duration)}, with broker properties added to (and overriding) the defaults. */
    public static KafkaBroker start(Path workDir, int port, int controllerPort, Duration timeout,
                                    Map<String, String> extraProperties) {
        long started = System.nanoTime();
        String classpath = ChildJvmClasspath.of(COMPONENT);
        Path dir = workDir.toAbsolutePath();
        Path dataDir = dir.resolve("data");
        Path logFile = dir.resolve("kafka.log");
        Path serverProperties = dir.resolve("server.properties");
        Path log4jProperties = dir.resolve("log4j2.properties");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(serverProperties, serverProperties(port, controllerPort, dataDir, extraProperties));
            Files.writeString(log4jProperties, LOG4J2_PROPERTIES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
        Map<String, String> sysProps = Map.of("log4j2.configurationFile", log4jProperties.toString());
        List<String> jvmOptions = new java.util.ArrayList<>(JavaCommand.SMALL_SERVER_OPTIONS);
        jvmOptions.addAll(List.of("-Xms128m", "-Xmx512m"));

        String clusterId = existingClusterId(dataDir);
        if (clusterId == null) {
            clusterId = Uuid.randomUuid().toString();
            format(jvmOptions, sysProps, classpath, clusterId, serverProperties, logFile, timeout);
        }
        Process process = ProcessControl.start(JavaCommand.mainClass(jvmOptions, sysProps, classpath, "kafka.Kafka",
                List.of(serverProperties.toString())), logFile, Map.of(), dir);
        KafkaBroker broker = new KafkaBroker(process, port, controllerPort, clusterId, dir, logFile);
        Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
        try {
            broker.awaitReady(timeout.minusNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Kafka broker pid {0} ready at {1} in {2} ms", process.pid(),
                broker.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return broker;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public long pid() {
        return process.pid();
    }

    /** The broker's process (a child of this JVM): e.g. {@code process().onExit()}. */
    public Process process() {
        return process;
    }

    public String clusterId() {
        return clusterId;
    }

    public Path workDir() {
        return workDir;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return ProcessControl.isAlive(process.pid());
    }

    /**
     * Creates topics with {@code partitions} partitions and replication factor 1; topics that already exist
     * are left as they are.
     */
    public void createTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList();
        try (Admin admin = Admin.create(adminConfig())) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic creation timed out on " + bootstrapServers(), e);
        }
    }

    /** Admin/producer/consumer base configuration: bootstrap servers and short timeouts. */
    public Map<String, Object> adminConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    }

    /** Stops the broker (SIGTERM, controlled shutdown; SIGKILL after 20 s). The data directory stays. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs or ran
        }
        if (process.isAlive()) {
            ProcessControl.stop(process.pid(), STOP_GRACE);
        }
    }

    private void stopQuietly() {
        try {
            if (process.isAlive()) {
                ProcessControl.stop(process.pid(), STOP_GRACE);
            }
        } catch (RuntimeException e) {
            System.err.println("Cannot stop Kafka broker pid " + process.pid() + ": " + e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        String last = "no answer yet";
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!isAlive()) {
                    throw new StartFailedException("Kafka broker pid " + pid() + " exited"
                            + exitCode() + " before it was ready", logFile);
                }
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                    last = "no nodes";
                } catch (ExecutionException | TimeoutException e) {
                    last = String.valueOf(e.getCause() != null ? e.getCause() : e);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new StartFailedException("Kafka broker pid " + pid() + " not ready at " + bootstrapServers()
                            + " within " + timeout + " (last: " + last + ")", logFile);
                }
                ProcessControl.sleep(Duration.ofMillis(100));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private String exitCode() {
        return process.isAlive() ? "" : " with code " + process.exitValue();
    }

    private static void format(List<String> jvmOptions, Map<String, String> sysProps, String classpath,
                               String clusterId, Path serverProperties, Path logFile, Duration timeout) {
        Process format = ProcessControl.start(JavaCommand.mainClass(jvmOptions, sysProps, classpath,
                "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", serverProperties.toString())), logFile);
        try {
            if (!format.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw new StartFailedException("Kafka StorageTool format did not finish in " + timeout, logFile);
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new StartFailedException("Kafka StorageTool format failed with code " + format.exitValue(), logFile);
        }
    }

    private static String existingClusterId(Path dataDir) {
        Path meta = dataDir.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        return properties.getProperty("cluster.id");
    }

    static String serverProperties(int port, int controllerPort, Path dataDir) {
        return serverProperties(port, controllerPort, dataDir, Map.of());
    }

    /** The defaults, then {@code extra} (sorted by key): Kafka reads the file as Properties, so the last one wins. */
    static String serverProperties(int port, int controllerPort, Path dataDir, Map<String, String> extra) {
        StringBuilder more = new StringBuilder();
        new java.util.TreeMap<>(extra).forEach((key, value) -> more.append(key).append('=').append(value)
                .append('\n'));
        return defaultServerProperties(port, controllerPort, dataDir) + more;
    }

    private static String defaultServerProperties(int port, int controllerPort, Path dataDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.toString().replace("\\", "\\\\"),
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /** Kafka 4.1 logs through log4j2; everything at INFO to stdout, which goes to kafka.log. */
    static final String LOG4J2_PROPERTIES = String.join("\n",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = OUT",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.out.ref = OUT",
            "");
}
