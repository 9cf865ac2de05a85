package dev.stonks.inttest.localstack.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds and removes the sandboxes whose owner is gone ({@link SandboxRecord#isOrphan()}): created by the pipeline,
 * owned by a process that no longer runs, and not kept with skip_teardown (those wait for their expiry). A directory
 * without a valid marker of the pipeline, or a sandbox without an owner, is never touched.
 */
public final class OrphanSandboxes {
    private static final System.Logger LOG = System.getLogger(OrphanSandboxes.class.getName());

    private OrphanSandboxes() {
    }

    /** The namespaces of the orphans under {@code root}, as seen now. */
    public static List<String> find(Path root) {
        return LocalSandbox.list(root).stream().filter(s -> s.record().isOrphan()).map(LocalSandbox::namespace)
                .toList();
    }

    /**
     * Removes every orphan under {@code root} with {@code remove}, each under its lock (a busy sandbox is left for a
     * later pass) and only after looking again under the lock. Returns the namespaces removed.
     */
    public static List<String> reap(Path root, Consumer<LocalSandbox> remove) {
        List<String> reaped = new ArrayList<>();
        for (String namespace : find(root)) {
            Optional<SandboxLock> lock = SandboxLock.tryAcquire(root, namespace, Duration.ZERO);
            if (lock.isEmpty()) {
                continue;
            }
            try (SandboxLock held = lock.get()) {
                if (LocalSandbox.inspect(root, namespace) instanceof SandboxInspection.Owned owned
                        && owned.sandbox().record().isOrphan()) {
                    SandboxRecord record = owned.sandbox().record();
                    LOG.log(System.Logger.Level.INFO, "run {0}: removing sandbox {1}: its owner (pid {2}) is gone",
                            record.runId(), namespace, Long.toString(record.owner().pid()));
                    remove.accept(owned.sandbox());
                    reaped.add(namespace);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove orphan sandbox " + namespace, e);
            }
        }
        return reaped;
    }

    /** {@link #reap} with a {@link SandboxTeardown} (stop grace {@code grace}). */
    public static List<String> reap(Path root, Duration grace) {
        SandboxTeardown teardown = new SandboxTeardown(grace, Runnable::run);
        return reap(root, teardown::remove);
    }
}
