package dev.stonks.inttest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void theConfiguredDirectoryComesFirstAndIsCreated() {
        Path dir = tmp.resolve("reports");

        assertThat(ReportsDirectory.choose(Optional.of(dir), Optional.of(tmp.resolve("home").toString())))
                .contains(dir.toAbsolutePath());
        assertThat(dir).isDirectory();
    }

    @Test
    void elseUnderTheInttestHome() {
        assertThat(ReportsDirectory.choose(Optional.empty(), Optional.of(tmp.toString())))
                .contains(tmp.resolve(".inttest/reports"));
    }

    @Test
    void withoutEitherThereIsNoLocalCopy() {
        // Kubernetes: no home, a read-only root file system; the working directory is not used
        assertThat(ReportsDirectory.choose(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(ReportsDirectory.choose(Optional.empty(), Optional.of(" "))).isEmpty();
    }

    @Test
    void aDirectoryThatCannotBeMadeIsLeftOut() throws Exception {
        // (the tests run as root, whom permissions do not stop: a file in the way does)
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        assertThat(ReportsDirectory.choose(Optional.of(file.resolve("reports")), Optional.empty())).isEmpty();
    }
}
