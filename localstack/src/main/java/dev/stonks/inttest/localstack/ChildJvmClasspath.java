package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class path of a child JVM (Kafka broker, s3proxy): every jar in
 * {@code <inttest home>/localstack/target/runtime/<component>/}, which localstack's build fills
 * (see localstack/runtime/pom.xml).
 */
public final class ChildJvmClasspath {

    private ChildJvmClasspath() {
    }

    /** The jars of {@code component} ("kafka" or "s3proxy"), sorted; fails with a hint when absent. */
    public static List<Path> jars(String component) {
        return jars(InttestHome.runtimeDirectory(InttestHome.resolve(), component), component);
    }

    static List<Path> jars(Path dir, String component) {
        List<Path> jars = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("No " + component + " jars in " + dir
                    + ". They are copied by localstack's build: run `./mvnw -pl localstack package`"
                    + " (add -DskipTests to skip the tests) from the repository root.");
        }
        return jars;
    }

    /** {@link #jars(String)} joined with the path separator, ready for {@code java -cp}. */
    public static String of(String component) {
        return jars(component).stream().map(Path::toString)
                .collect(Collectors.joining(System.getProperty("path.separator")));
    }
}
