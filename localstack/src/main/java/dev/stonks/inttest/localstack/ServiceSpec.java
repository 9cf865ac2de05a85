package dev.stonks.inttest.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to launch a Java application with {@code java -jar} (a Quarkus service's {@code quarkus-run.jar}).
 * Immutable; the {@code with*} methods return changed copies.
 *
 * @param name             for messages
 * @param jar              the jar to run
 * @param logFile          stdout and stderr are appended here
 * @param env              environment variables added to the inherited environment (secrets go here:
 *                         the command line, and so system properties, is visible in {@code ps})
 * @param systemProperties {@code -Dkey=value}
 * @param jvmOptions       other JVM options, e.g. {@code -Xmx256m}
 * @param args             program arguments
 * @param workingDirectory null: the jar's directory
 */
public record ServiceSpec(String name, Path jar, Path logFile, Map<String, String> env,
                          Map<String, String> systemProperties, List<String> jvmOptions, List<String> args,
                          Path workingDirectory) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(logFile, "logFile");
        env = Map.copyOf(env);
        systemProperties = Map.copyOf(systemProperties);
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
    }

    public static ServiceSpec of(String name, Path jar, Path logFile) {
        return new ServiceSpec(name, jar, logFile, Map.of(), Map.of(), List.of(), List.of(), null);
    }

    public ServiceSpec withEnv(String key, String value) {
        return new ServiceSpec(name, jar, logFile, plus(env, key, value), systemProperties, jvmOptions, args,
                workingDirectory);
    }

    public ServiceSpec withEnv(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(more);
        return new ServiceSpec(name, jar, logFile, merged, systemProperties, jvmOptions, args, workingDirectory);
    }

    public ServiceSpec withSystemProperty(String key, String value) {
        return new ServiceSpec(name, jar, logFile, env, plus(systemProperties, key, value), jvmOptions, args,
                workingDirectory);
    }

    public ServiceSpec withJvmOptions(String... options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(options));
        return new ServiceSpec(name, jar, logFile, env, systemProperties, all, args, workingDirectory);
    }

    public ServiceSpec withArgs(String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return new ServiceSpec(name, jar, logFile, env, systemProperties, jvmOptions, all, workingDirectory);
    }

    public ServiceSpec withWorkingDirectory(Path dir) {
        return new ServiceSpec(name, jar, logFile, env, systemProperties, jvmOptions, args, dir);
    }

    private static Map<String, String> plus(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return copy;
    }
}
