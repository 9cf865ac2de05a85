package dev.stonks.inttest.localstack.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stonks.inttest.localstack.sandbox.SandboxJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local stack's directory, {@code <home>/.inttest/stacks/<name>/}:
 *
 * <pre>
 *   stack.json   the marker and record ({@link StackRecord})
 *   stack.pids   the same processes as plain lines "kind name pid start-ticks", for the guard script
 *   closed       present once the stack was stopped normally (or cleaned up): the guard then exits
 *   kafka/       the broker's working and data directory
 *   components/  the working and data directories of the other components (PostgreSQL, the S3 store)
 *   logs/        one log per process
 * </pre>
 */
public final class StackFile {
    public static final String CREATED_BY = "inttest";
    public static final String RECORD = "stack.json";
    public static final String PIDS = "stack.pids";
    public static final String CLOSED = "closed";
    public static final String KAFKA_DIRECTORY = "kafka";
    public static final String COMPONENTS_DIRECTORY = "components";

    static final ObjectMapper MAPPER = SandboxJson.MAPPER;

    private StackFile() {
    }

    /** {@code <home>/.inttest/stacks}: where every local stack of the CLI lives. */
    public static Path stacksRoot(Path home) {
        return home.resolve(".inttest").resolve("stacks");
    }

    /** Writes stack.json and stack.pids atomically (each a temporary file renamed over the old one). */
    public static synchronized void write(Path dir, StackRecord record) {
        try {
            Files.createDirectories(dir);
            replace(dir, RECORD, MAPPER.writeValueAsString(record) + "\n");
            replace(dir, PIDS, pidLines(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RECORD), e);
        }
    }

    /** The record of {@code dir}; empty when there is none, it is unreadable, or not the pipeline's. */
    public static Optional<StackRecord> read(Path dir) {
        Path file = dir.resolve(RECORD);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            StackRecord record = MAPPER.readValue(file.toFile(), StackRecord.class);
            return record.isPipelineOwned() ? Optional.of(record) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Marks the stack closed: its guard exits, and nothing is left to clean up. */
    public static void markClosed(Path dir) {
        try {
            Files.writeString(dir.resolve(CLOSED), "closed\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CLOSED), e);
        }
    }

    public static boolean isClosed(Path dir) {
        return Files.exists(dir.resolve(CLOSED), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * One line per process the guard may stop: {@code service <name> <pid> <ticks>}, {@code kafka kafka ...},
     * {@code component <name> ...}.
     */
    static String pidLines(StackRecord record) {
        StringBuilder lines = new StringBuilder();
        for (StackRecord.Service service : record.services()) {
            line(lines, "service", service.name(), service.process());
        }
        if (record.kafka() != null) {
            line(lines, "kafka", "kafka", record.kafka().process());
        }
        for (StackRecord.Component component : record.components()) {
            line(lines, "component", component.name(), component.process());
        }
        return lines.toString();
    }

    private static void line(StringBuilder lines, String kind, String name,
            dev.stonks.inttest.localstack.sandbox.ProcessIdentity process) {
        if (process != null && process.startTicks() != null) {
            lines.append(kind).append(' ').append(name).append(' ').append(process.pid()).append(' ')
                    .append(process.startTicks()).append('\n');
        }
    }

    /** Writes {@code dir/name} whole or not at all (a temporary file moved in place), so a reader never sees half. */
    public static void replace(Path dir, String name, String content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes a directory tree (a stack's broker data) without following symbolic links. */
    public static void deleteTree(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
