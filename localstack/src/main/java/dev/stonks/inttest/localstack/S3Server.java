package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * An S3-compatible object store: s3proxy (org.gaul:s3proxy 2.6.0) with jclouds' filesystem backend, as a
 * detached child JVM on 127.0.0.1. It outlives the JVM that started it and is stopped by pid, from any JVM.
 *
 * <p>Layout of the working directory: {@code data/} (buckets), {@code s3proxy.properties} (mode 600, holds
 * the keys), {@code logback.xml} (s3proxy at INFO, libraries at WARN), {@code s3proxy.log}.
 */
public final class S3Server {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    static final String COMPONENT = "s3proxy";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(S3Server.class.getName());

    private S3Server() {
    }

    public static S3Instance start(S3Config config) {
        return start(config, DEFAULT_START_TIMEOUT);
    }

    /** Starts s3proxy and waits until it answers HTTP. */
    public static S3Instance start(S3Config config, Duration timeout) {
        long started = System.nanoTime();
        String classpath = ChildJvmClasspath.of(COMPONENT);
        Path dir = config.dir().toAbsolutePath();
        Path dataDir = dir.resolve("data");
        Path logFile = dir.resolve("s3proxy.log");
        Path propertiesFile = dir.resolve("s3proxy.properties");
        Path logbackFile = dir.resolve("logback.xml");
        int port = FreePorts.orPick(config.port());
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(propertiesFile);
            Files.createFile(propertiesFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
                properties(endpoint, dataDir, config).store(out, "written by inttest localstack");
            }
            Files.writeString(logbackFile, LOGBACK_XML);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
        List<String> jvmOptions = new ArrayList<>(JavaCommand.SMALL_SERVER_OPTIONS);
        jvmOptions.addAll(List.of("-Xms64m", "-Xmx256m"));
        Process process = ProcessControl.start(JavaCommand.mainClass(jvmOptions,
                Map.of("logback.configurationFile", logbackFile.toString()), classpath, "org.gaul.s3proxy.Main",
                List.of("--properties", propertiesFile.toString())), logFile, Map.of(), dir);
        try {
            HttpReadiness.awaitAnyResponse(endpoint.resolve("/"), timeout.minusNanos(System.nanoTime() - started),
                    process.toHandle(), logFile);
        } catch (RuntimeException e) {
            ProcessControl.stop(process.pid(), STOP_GRACE);
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "s3proxy pid {0} ready at {1} in {2} ms", process.pid(), endpoint,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new S3Instance(process.pid(), port, endpoint, config.accessKey(), config.secretKey(), dataDir, logFile);
    }

    /** SIGTERM (SIGKILL after 10 s). Returns whether it was running. */
    public static boolean stop(long pid) {
        return ProcessControl.stop(pid, STOP_GRACE);
    }

    static Properties properties(URI endpoint, Path dataDir, S3Config config) {
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", endpoint.toString());
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", config.accessKey());
        p.setProperty("s3proxy.credential", config.secretKey());
        p.setProperty("jclouds.provider", "filesystem-nio2");
        p.setProperty("jclouds.filesystem.basedir", dataDir.toString());
        p.setProperty("jclouds.identity", config.accessKey());
        p.setProperty("jclouds.credential", config.secretKey());
        return p;
    }

    /** s3proxy pulls logback, which logs everything at DEBUG without a configuration. */
    static final String LOGBACK_XML = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.gaul" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;
}
