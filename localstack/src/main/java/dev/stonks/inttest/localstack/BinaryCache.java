package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Where native binaries shipped inside jars (PostgreSQL, redis-server) are unpacked, once per content:
 * {@code -Dinttest.localstack.cache}, else {@code $INTTEST_LOCALSTACK_CACHE}, else
 * {@code ~/.cache/inttest-localstack}, else {@code <tmpdir>/inttest-localstack-<user>}.
 *
 * <p>An entry is unpacked into a temporary sibling directory and renamed into place, so concurrent JVMs
 * never see a half-unpacked entry.
 */
final class BinaryCache {

    static final String SYSTEM_PROPERTY = "inttest.localstack.cache";
    static final String ENV_VARIABLE = "INTTEST_LOCALSTACK_CACHE";

    @FunctionalInterface
    interface Populator {
        void populate(Path emptyDirectory) throws IOException;
    }

    private BinaryCache() {
    }

    static Path root() {
        String configured = System.getProperty(SYSTEM_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV_VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path home = Path.of(System.getProperty("user.home"), ".cache", "inttest-localstack");
        if (isWritableOrCreatable(home)) {
            return home;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "inttest-localstack-" + System.getProperty("user.name"));
    }

    /** The directory {@code <root>/<name>}, populated by {@code populator} if it does not exist yet. */
    static Path entry(String name, Populator populator) {
        Path root = root();
        Path target = root.resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempDirectory(root, name + ".tmp-");
            populator.populate(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                // another JVM was faster: use its copy
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + name + " into " + root, e);
        } finally {
            if (temp != null) {
                deleteRecursively(temp);
            }
        }
    }

    /** The first 16 hex digits of the SHA-256 of a stream (consumed, not closed). */
    static String sha256Prefix(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = BinaryCache.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Resource " + name + " is not on the class path");
        }
        return in;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static boolean isWritableOrCreatable(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) && Files.isWritable(p);
            }
        }
        return false;
    }
}
