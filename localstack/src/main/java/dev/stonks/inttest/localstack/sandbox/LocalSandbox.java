package dev.stonks.inttest.localstack.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One local sandbox: the directory {@code <root>/<namespace>/} with its {@code sandbox.json} marker and record, and
 * its 0600 {@code credentials.properties} (see the package documentation for the layout).
 *
 * <p>Readers (seeder, tester, profiler): {@code LocalSandbox.open(SandboxRoot.resolve(), namespace).credentials()}.
 * The provisioner creates, updates and deletes sandboxes, each time under {@link #lock}.
 */
public final class LocalSandbox {

    /** {@code created_by} of every sandbox of the pipeline. */
    public static final String CREATED_BY = "inttest";
    public static final String MARKER_FILE = "sandbox.json";
    public static final String CREDENTIALS_FILE = "credentials.properties";
    public static final String SERVICES_DIRECTORY = "services";
    /** Component names of the infrastructure, in {@code sandbox.json} and as working directories. */
    public static final String POSTGRES = "postgres";
    public static final String REDIS = "redis";
    public static final String S3 = "s3";

    /** A namespace is one plain directory name: a DNS-1123 label. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Path dir;
    private volatile SandboxRecord record;

    private LocalSandbox(Path dir, SandboxRecord record) {
        this.dir = dir;
        this.record = record;
    }

    /**
     * Creates {@code <root>/<namespace>} (mode 0700) atomically, writes the marker and then the credentials (0600).
     * Throws {@link SandboxException} (EXISTS) when the directory exists, whatever it holds; take the namespace's
     * {@link #lock} first and {@link #inspect} to know what is there.
     */
    public static LocalSandbox create(Path root, SandboxRecord record, SandboxSecrets secrets) {
        Path dir = dirOf(root, record.namespace());
        if (!record.isPipelineOwned()) {
            throw new IllegalArgumentException("a sandbox record must have created_by=" + CREATED_BY);
        }
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            throw new SandboxException(SandboxException.Reason.EXISTS, dir, dir + " already exists");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        LocalSandbox sandbox = new LocalSandbox(dir, record);
        sandbox.writeRecord(record);
        Path credentials = dir.resolve(CREDENTIALS_FILE);
        try {
            Files.createFile(credentials, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(credentials, StandardCharsets.UTF_8)) {
                secrets.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + credentials, e);
        }
        return sandbox;
    }

    /**
     * The sandbox of {@code namespace}. Throws {@link SandboxException}: NOT_FOUND when there is no such directory,
     * NOT_OWNED when it has no valid marker of the pipeline.
     */
    public static LocalSandbox open(Path root, String namespace) {
        SandboxInspection found = inspect(root, namespace);
        if (found instanceof SandboxInspection.Owned owned) {
            return owned.sandbox();
        }
        if (found instanceof SandboxInspection.Foreign foreign) {
            throw new SandboxException(SandboxException.Reason.NOT_OWNED, found.dir(),
                    found.dir() + " is not a sandbox of the pipeline: " + foreign.why());
        }
        throw new SandboxException(SandboxException.Reason.NOT_FOUND, found.dir(), "no sandbox " + found.dir());
    }

    /** What is at the namespace's place: nothing, something foreign, or a sandbox of the pipeline. */
    public static SandboxInspection inspect(Path root, String namespace) {
        return inspectDir(dirOf(root, namespace));
    }

    /** Every sandbox of the pipeline under {@code root} (foreign directories are left out). */
    public static List<LocalSandbox> list(Path root) {
        List<LocalSandbox> owned = new ArrayList<>();
        for (SandboxInspection found : inspectAll(root)) {
            if (found instanceof SandboxInspection.Owned o) {
                owned.add(o.sandbox());
            }
        }
        return owned;
    }

    /** Everything under {@code root} that could be a sandbox (hidden entries, such as the locks, left out). */
    public static List<SandboxInspection> inspectAll(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            return List.of();
        }
        List<SandboxInspection> all = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(abs)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    all.add(inspectDir(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + abs, e);
        }
        all.sort(Comparator.comparing(SandboxInspection::dir));
        return all;
    }

    /** The sandbox of the pipeline that belongs to {@code runId}, if any. */
    public static Optional<LocalSandbox> findByRunId(Path root, String runId) {
        return list(root).stream().filter(s -> s.record().runId().equals(runId)).findFirst();
    }

    /** Exclusive use of a namespace (see {@link SandboxLock}); waits up to {@code timeout}. */
    public static SandboxLock lock(Path root, String namespace, Duration timeout) {
        return SandboxLock.acquire(root, namespace, timeout);
    }

    static Path dirOf(Path root, String namespace) {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace '" + namespace + "' is not a DNS-1123 label");
        }
        return root.toAbsolutePath().normalize().resolve(namespace);
    }

    private static SandboxInspection inspectDir(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new SandboxInspection.Absent(dir);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new SandboxInspection.Foreign(dir, "not a directory");
        }
        Path marker = dir.resolve(MARKER_FILE);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return new SandboxInspection.Foreign(dir, "no " + MARKER_FILE);
        }
        SandboxRecord record;
        try {
            record = SandboxJson.MAPPER.readValue(marker.toFile(), SandboxRecord.class);
        } catch (IOException | RuntimeException e) {
            return new SandboxInspection.Foreign(dir, MARKER_FILE + " is not readable: " + firstLine(e.getMessage()));
        }
        if (!record.isPipelineOwned()) {
            return new SandboxInspection.Foreign(dir, MARKER_FILE + " has created_by=" + record.createdBy()
                    + ", not " + CREATED_BY);
        }
        if (!record.namespace().equals(dir.getFileName().toString())) {
            return new SandboxInspection.Foreign(dir, MARKER_FILE + " names namespace " + record.namespace()
                    + ", not " + dir.getFileName());
        }
        return new SandboxInspection.Owned(new LocalSandbox(dir, record));
    }

    public Path dir() {
        return dir;
    }

    public String namespace() {
        return dir.getFileName().toString();
    }

    public String runId() {
        return record.runId();
    }

    /** The record as last read or written by this object. */
    public SandboxRecord record() {
        return record;
    }

    /** Reads sandbox.json again (another process may have changed it). */
    public SandboxRecord reload() {
        SandboxInspection now = inspectDir(dir);
        if (now instanceof SandboxInspection.Owned owned) {
            record = owned.sandbox().record();
            return record;
        }
        throw new SandboxException(SandboxException.Reason.NOT_FOUND, dir, "sandbox " + dir + " is gone");
    }

    /** The contents of credentials.properties. */
    public SandboxSecrets secrets() {
        return SandboxSecrets.read(dir.resolve(CREDENTIALS_FILE));
    }

    /**
     * Everything needed to connect to the sandbox's infrastructure: the endpoints of sandbox.json and the secrets of
     * credentials.properties.
     */
    public SandboxCredentials credentials() {
        return new SandboxCredentials(reload(), secrets());
    }

    /** The working directory of an infrastructure component ({@link #POSTGRES}, {@link #REDIS}, {@link #S3}). */
    public Path componentDir(String name) {
        return dir.resolve(name);
    }

    /** The working directory of a service under test. */
    public Path serviceDir(String name) {
        return dir.resolve(SERVICES_DIRECTORY).resolve(name);
    }

    /** The log of a service under test. */
    public Path serviceLog(String name) {
        return dir.resolve(SERVICES_DIRECTORY).resolve(name + ".log");
    }

    /** Changes sandbox.json atomically (write a temporary file, rename it over). Returns the new record. */
    public synchronized SandboxRecord update(UnaryOperator<SandboxRecord> change) {
        SandboxRecord current = reload();
        SandboxRecord next = change.apply(current);
        if (!next.runId().equals(current.runId()) || !next.namespace().equals(current.namespace())
                || !next.isPipelineOwned()) {
            throw new IllegalArgumentException("an update must keep run_id, namespace and created_by");
        }
        writeRecord(next);
        return next;
    }

    /**
     * Deletes the whole directory: everything but the marker first, the marker last, so a deletion cut short leaves
     * a directory the pipeline still recognises as its own and can remove later. Symbolic links are removed, never
     * followed. Refuses (NOT_OWNED) when sandbox.json no longer names this sandbox's run. Hold the {@link #lock}.
     */
    public void delete() {
        SandboxInspection now = inspectDir(dir);
        if (now instanceof SandboxInspection.Absent) {
            return;
        }
        if (!(now instanceof SandboxInspection.Owned owned) || !owned.sandbox().runId().equals(runId())) {
            throw new SandboxException(SandboxException.Reason.NOT_OWNED, dir, dir
                    + " no longer holds the sandbox of run " + runId() + "; left untouched");
        }
        Path marker = dir.resolve(MARKER_FILE);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(marker) && !p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(marker);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private void writeRecord(SandboxRecord next) {
        Path marker = dir.resolve(MARKER_FILE);
        try {
            Path tmp = Files.createTempFile(dir, ".sandbox", ".json.tmp");
            try {
                SandboxJson.MAPPER.writeValue(tmp.toFile(), next);
                try {
                    Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        record = next;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String toString() {
        return "LocalSandbox[" + dir + ", run " + record.runId() + "]";
    }
}
