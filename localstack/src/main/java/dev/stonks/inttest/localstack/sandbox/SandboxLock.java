package dev.stonks.inttest.localstack.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;

/**
 * Exclusive use of one namespace under a sandbox root, across threads and processes (several provisioner replicas,
 * or two local stacks sharing a root): an in-JVM lock plus an OS file lock on {@code <root>/.locks/<namespace>.lock}.
 * It works whether the sandbox exists or not, so creation, teardown and the reaper all take it first and then look
 * at what is there. The lock file is removed on release when the sandbox is gone. Not re-entrant: a second acquire
 * by the holder waits like anyone else. It may be released by another thread than the one that took it.
 */
public final class SandboxLock implements AutoCloseable {

    static final String LOCKS_DIRECTORY = ".locks";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ConcurrentHashMap<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();

    private final Path root;
    private final String namespace;
    private final Semaphore inJvm;
    private final FileChannel channel;
    private final FileLock fileLock;
    private boolean released;

    private SandboxLock(Path root, String namespace, Semaphore inJvm, FileChannel channel, FileLock fileLock) {
        this.root = root;
        this.namespace = namespace;
        this.inJvm = inJvm;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits up to {@code timeout} for the namespace; throws {@link SandboxException} (LOCK_TIMEOUT) after. */
    public static SandboxLock acquire(Path root, String namespace, Duration timeout) {
        return tryAcquire(root, namespace, timeout).orElseThrow(() -> new SandboxException(
                SandboxException.Reason.LOCK_TIMEOUT, LocalSandbox.dirOf(root, namespace),
                "sandbox " + namespace + " stayed locked by another operation for " + timeout.toSeconds() + " s"));
    }

    /** The lock if it can be had within {@code timeout} (zero: only if free now). */
    public static Optional<SandboxLock> tryAcquire(Path root, String namespace, Duration timeout) {
        Path dir = LocalSandbox.dirOf(root, namespace);
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore inJvm = IN_JVM.computeIfAbsent(dir, d -> new Semaphore(1));
        try {
            if (!inJvm.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lock of sandbox " + namespace, e);
        }
        FileChannel channel = null;
        try {
            Path locks = root.toAbsolutePath().normalize().resolve(LOCKS_DIRECTORY);
            Files.createDirectories(locks);
            channel = FileChannel.open(locks.resolve(namespace + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            while (true) {
                FileLock fileLock = channel.tryLock();
                if (fileLock != null) {
                    return Optional.of(new SandboxLock(root, namespace, inJvm, channel, fileLock));
                }
                if (System.nanoTime() - deadline >= 0) {
                    channel.close();
                    inJvm.release();
                    return Optional.empty();
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            closeQuietly(channel);
            inJvm.release();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the lock of sandbox " + namespace, e);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock sandbox " + namespace + " under " + root, io);
            }
            throw (RuntimeException) e;
        }
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (!Files.exists(LocalSandbox.dirOf(root, namespace))) {
                Files.deleteIfExists(root.toAbsolutePath().normalize().resolve(LOCKS_DIRECTORY)
                        .resolve(namespace + ".lock"));
            }
            fileLock.release();
        } catch (IOException e) {
            // closing the channel below releases the lock anyway
        } finally {
            closeQuietly(channel);
            inJvm.release();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
