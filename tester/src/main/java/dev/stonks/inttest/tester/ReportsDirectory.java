package dev.stonks.inttest.tester;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where the tester also writes each run's JUnit XML files on its own disk, if anywhere: {@code tester.reports-dir},
 * else {@code <inttest home>/.inttest/reports} when the home is known (the local stack), else nowhere (Kubernetes:
 * a read-only root file system). A directory that cannot be written is left out with a warning. The artifact store
 * keeps the record either way.
 */
final class ReportsDirectory {
    /** Under the inttest home, the default root of the per-run reports. */
    static final Path UNDER_HOME = Path.of(".inttest", "reports");
    private static final Logger LOG = Logger.getLogger(ReportsDirectory.class);

    private ReportsDirectory() {
    }

    static Optional<Path> choose(Optional<Path> configured, Optional<String> home) {
        Optional<Path> dir = configured.or(() -> home.filter(h -> !h.isBlank()).map(h -> Path.of(h).resolve(UNDER_HOME)))
                .map(p -> p.toAbsolutePath().normalize());
        if (dir.isEmpty()) {
            LOG.info("no reports directory (tester.reports-dir, inttest.home): each run's JUnit XML goes to the "
                    + "artifact store only");
            return dir;
        }
        try {
            Files.createDirectories(dir.get());
            if (!Files.isWritable(dir.get())) {
                throw new IOException("not writable");
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("reports directory %s cannot be written (%s): each run's JUnit XML goes to the artifact store "
                    + "only", dir.get(), e);
            return Optional.empty();
        }
        return dir;
    }
}
