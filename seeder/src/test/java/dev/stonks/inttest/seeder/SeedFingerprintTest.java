package dev.stonks.inttest.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFingerprintTest {

    @TempDir
    Path migrations;

    @BeforeEach
    void twoMigrations() throws IOException {
        Files.writeString(migrations.resolve("V1__core.sql"), "create table a (id int);\n");
        Files.writeString(migrations.resolve("V2__more.sql"), "create table b (id int);\n");
    }

    @Test
    void theSameMigrationsVersionAndScaleGiveTheSameFingerprint() throws IOException {
        // Given: another folder with the same files, and a file that is not a migration
        Path copy = Files.createDirectory(migrations.resolve("copy"));
        Files.copy(migrations.resolve("V2__more.sql"), copy.resolve("V2__more.sql"));
        Files.copy(migrations.resolve("V1__core.sql"), copy.resolve("V1__core.sql"));
        Files.writeString(copy.resolve("README.md"), "notes");

        // When
        SeedFingerprint a = SeedFingerprint.of(migrations, "1", 1);
        SeedFingerprint b = SeedFingerprint.of(copy, "1", 1);

        // Then
        assertThat(a).isEqualTo(b);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).matches("sha256:[0-9a-f]{64}");
        assertThat(a.migrationsSha256()).matches("[0-9a-f]{64}");
        assertThat(a.datasetVersion()).isEqualTo("1");
    }

    @Test
    void theFingerprintIsTheContractsDigestOfNamesAndContentsInVersionOrder() throws Exception {
        // Given: V10 comes after V2 (numerically), though not by name
        Files.writeString(migrations.resolve("V10__later.sql"), "create table c (id int);\n");

        // When
        SeedFingerprint f = SeedFingerprint.of(migrations, "7", 3);

        // Then
        String files = "V1__core.sql\ncreate table a (id int);\n" + "V2__more.sql\ncreate table b (id int);\n"
                + "V10__later.sql\ncreate table c (id int);\n";
        assertThat(f.migrationsSha256()).isEqualTo(sha256(files));
        assertThat(f.fingerprint()).isEqualTo("sha256:" + sha256(sha256(files) + "\n7\n3"));
    }

    @Test
    void theScaleChangesTheFingerprint() throws IOException {
        assertThat(SeedFingerprint.of(migrations, "1", 2).fingerprint())
                .isNotEqualTo(SeedFingerprint.of(migrations, "1", 1).fingerprint());
    }

    @Test
    void theDatasetVersionChangesTheFingerprint() throws IOException {
        assertThat(SeedFingerprint.of(migrations, "2", 1).fingerprint())
                .isNotEqualTo(SeedFingerprint.of(migrations, "1", 1).fingerprint());
    }

    @Test
    void aMigrationsContentChangesTheFingerprint() throws IOException {
        // Given
        SeedFingerprint before = SeedFingerprint.of(migrations, "1", 1);

        // When: one statement of a migration changes
        Files.writeString(migrations.resolve("V2__more.sql"), "create table b (id bigint);\n");

        // Then
        SeedFingerprint after = SeedFingerprint.of(migrations, "1", 1);
        assertThat(after.migrationsSha256()).isNotEqualTo(before.migrationsSha256());
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
    }

    @Test
    void aNewOrRenamedMigrationChangesTheFingerprint() throws IOException {
        SeedFingerprint before = SeedFingerprint.of(migrations, "1", 1);

        Files.move(migrations.resolve("V2__more.sql"), migrations.resolve("V2__renamed.sql"));
        SeedFingerprint renamed = SeedFingerprint.of(migrations, "1", 1);
        Files.writeString(migrations.resolve("V3__index.sql"), "create index on b (id);\n");
        SeedFingerprint added = SeedFingerprint.of(migrations, "1", 1);

        assertThat(renamed.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(added.fingerprint()).isNotEqualTo(renamed.fingerprint());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
