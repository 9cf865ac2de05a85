package dev.stonks.inttest.provisioner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Snapshots of directory trees, to show that something was left untouched. */
public final class Trees {
    private Trees() {
    }

    /** Relative path -> content (files) or "<dir>" for every entry under {@code dir}. */
    public static Map<String, String> snapshot(Path dir) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                entries.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
