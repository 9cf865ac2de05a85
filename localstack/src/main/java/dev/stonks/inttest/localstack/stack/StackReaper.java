package dev.stonks.inttest.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Removes the local stacks whose owner is dead: every process recorded in their {@code stack.json} that is still the
 * very process recorded (pid and start ticks; a recycled pid is never signalled) is stopped, alone (not its
 * descendants: a sandbox kept with skip_teardown outlives its stack), and the data directories in the stack
 * directory (the broker's, the components') are deleted. A
 * directory without a {@code stack.json} of the pipeline, with a live owner, or marked {@link StackFile#CLOSED}, is
 * not touched.
 */
public final class StackReaper {
    private static final System.Logger LOG = System.getLogger(StackReaper.class.getName());

    /** A stack removed: its directory and the processes that were still running. */
    public record Reaped(Path dir, List<String> stopped) {
        public Reaped {
            stopped = List.copyOf(stopped);
        }
    }

    private final Duration grace;

    /** {@code grace}: between SIGTERM and SIGKILL for each process. */
    public StackReaper(Duration grace) {
        this.grace = grace;
    }

    /** One pass over {@code stacksRoot} (see {@link StackFile#stacksRoot}); returns what it removed. */
    public List<Reaped> reapDead(Path stacksRoot) {
        List<Reaped> reaped = new ArrayList<>();
        if (!Files.isDirectory(stacksRoot, LinkOption.NOFOLLOW_LINKS)) {
            return reaped;
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(stacksRoot)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && !entry.getFileName().toString().startsWith(".")) {
                    dirs.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + stacksRoot, e);
        }
        dirs.sort(Comparator.naturalOrder());
        for (Path dir : dirs) {
            if (StackFile.isClosed(dir)) {
                continue; // stopped normally, or cleaned up already
            }
            StackFile.read(dir).filter(StackRecord::isOwnerGone).ifPresent(record -> {
                try {
                    reaped.add(reap(dir, record));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot reap stack " + dir, e);
                }
            });
        }
        return reaped;
    }

    /**
     * The same for one stack directory outside {@code .inttest/stacks} (e.g. the resident stack's): reaped when its
     * owner is dead and it is not marked closed; empty otherwise.
     */
    public Optional<Reaped> reapIfDead(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || StackFile.isClosed(dir)) {
            return Optional.empty();
        }
        return StackFile.read(dir).filter(StackRecord::isOwnerGone).map(record -> reap(dir, record));
    }

    private Reaped reap(Path dir, StackRecord record) {
        List<String> stopped = new ArrayList<>();
        if (record.guard() != null && record.guard().terminate(Duration.ZERO)) {
            stopped.add("guard");
        }
        record.services().parallelStream()
                .filter(s -> s.process() != null && s.process().terminate(grace))
                .map(StackRecord.Service::name)
                .forEachOrdered(stopped::add);
        if (record.kafka() != null && record.kafka().process() != null
                && record.kafka().process().terminate(grace)) {
            stopped.add("kafka");
        }
        record.components().parallelStream()
                .filter(c -> c.process() != null && c.process().terminate(grace))
                .map(StackRecord.Component::name)
                .forEachOrdered(stopped::add);
        StackFile.deleteTree(dir.resolve(StackFile.KAFKA_DIRECTORY));
        StackFile.deleteTree(dir.resolve(StackFile.COMPONENTS_DIRECTORY));
        StackFile.markClosed(dir);
        LOG.log(System.Logger.Level.INFO, "stack {0}: owner pid {1} is gone; stopped {2}", dir,
                record.owner() == null ? "?" : Long.toString(record.owner().pid()), stopped);
        return new Reaped(dir, stopped);
    }
}
