package dev.stonks.inttest.seeder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What makes two runs' data alike: the migrations (names and contents), the dataset generator's version and the
 * scale. Only runs with the same fingerprint are compared for performance regressions.
 *
 * @param migrationsSha256 64 hex digits of SHA-256 over every migration file in Flyway's order, each as its file
 *                         name, a newline and its content
 * @param datasetVersion   the dataset generator's version ({@code StonksDataset.VERSION})
 * @param scale            the dataset's scale factor
 */
public record SeedFingerprint(String migrationsSha256, String datasetVersion, int scale) {
    /** Flyway's versioned ({@code V1_2__name.sql}) and repeatable ({@code R__name.sql}) SQL migrations. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");

    public SeedFingerprint {
        Objects.requireNonNull(migrationsSha256, "migrationsSha256");
        Objects.requireNonNull(datasetVersion, "datasetVersion");
    }

    /** The fingerprint of the migrations in {@code folder} (not its subfolders) at this dataset version and scale. */
    public static SeedFingerprint of(Path folder, String datasetVersion, int scale) throws IOException {
        MessageDigest digest = sha256();
        for (Path file : migrationsInOrder(folder)) {
            digest.update((file.getFileName().toString() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        return new SeedFingerprint(HexFormat.of().formatHex(digest.digest()), datasetVersion, scale);
    }

    /** {@code sha256:} + 64 hex digits of the migrations' checksum, the dataset version and the scale, by lines. */
    public String fingerprint() {
        String joined = migrationsSha256 + "\n" + datasetVersion + "\n" + scale;
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(joined.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The files Flyway applies, in the order it applies them: versioned ones by version (numerically, part by part:
     * V2 before V10), then repeatable ones by name. Other files are not migrations.
     */
    static List<Path> migrationsInOrder(Path folder) throws IOException {
        List<Path> versioned = new ArrayList<>();
        List<Path> repeatable = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (VERSIONED.matcher(name).matches()) {
                    versioned.add(file);
                } else if (REPEATABLE.matcher(name).matches()) {
                    repeatable.add(file);
                }
            }
        }
        versioned.sort(Comparator.comparing(SeedFingerprint::version, SeedFingerprint::compareVersions));
        repeatable.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Path> all = new ArrayList<>(versioned);
        all.addAll(repeatable);
        return all;
    }

    private static List<BigInteger> version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a versioned migration: " + file);
        }
        return Stream.of(m.group(1).split("[._]")).map(BigInteger::new).toList();
    }

    private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
