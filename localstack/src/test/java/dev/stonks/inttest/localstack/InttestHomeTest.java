package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InttestHomeTest {

    private static final String ROOT_POM = """
            <project>
              <!-- <artifactId>not-this</artifactId> -->
              <groupId>dev.stonks.inttest</groupId>
              <artifactId>inttest-parent</artifactId>
            </project>
            """;
    private static final String CHILD_POM = """
            <project>
              <parent>
                <groupId>dev.stonks.inttest</groupId>
                <artifactId>inttest-parent</artifactId>
              </parent>
              <artifactId>localstack</artifactId>
            </project>
            """;

    @TempDir
    Path tmp;

    @Test
    void readsTheProjectsOwnArtifactIdNotItsParents() {
        assertThat(InttestHome.ownArtifactId(ROOT_POM)).contains("inttest-parent");
        assertThat(InttestHome.ownArtifactId(CHILD_POM)).contains("localstack");
    }

    @Test
    void walksUpFromAModuleDirectoryToTheRoot() throws IOException {
        Path root = repository();
        Path deep = Files.createDirectories(root.resolve("localstack/src/main"));
        assertThat(InttestHome.resolve(null, null, deep)).isEqualTo(root);
        assertThat(InttestHome.resolve("", " ", root.resolve("localstack"))).isEqualTo(root);
    }

    @Test
    void systemPropertyWinsOverEnvironmentAndWorkingDirectory() throws IOException {
        Path root = repository();
        assertThat(InttestHome.resolve(root.toString(), "/nonexistent", tmp)).isEqualTo(root);
        assertThat(InttestHome.resolve(null, root.toString(), Path.of("/"))).isEqualTo(root);
    }

    @Test
    void failsClearlyWhenNothingPointsToTheRepository() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        assertThatThrownBy(() -> InttestHome.resolve(null, null, elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTTEST_HOME")
                .hasMessageContaining("inttest-parent");
        assertThatThrownBy(() -> InttestHome.resolve(elsewhere.toString(), null, elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inttest.home");
    }

    @Test
    void runtimeDirectoryIsUnderLocalstackTarget() {
        assertThat(InttestHome.runtimeDirectory(Path.of("/repo"), "kafka"))
                .isEqualTo(Path.of("/repo/localstack/target/runtime/kafka"));
    }

    @Test
    void theBuildPassesTheRealRepositoryRoot() {
        Path home = InttestHome.resolve();
        assertThat(home.resolve("localstack/pom.xml")).isRegularFile();
    }

    private Path repository() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(root.resolve("pom.xml"), ROOT_POM);
        Files.createDirectories(root.resolve("localstack"));
        Files.writeString(root.resolve("localstack/pom.xml"), CHILD_POM);
        return root;
    }
}
