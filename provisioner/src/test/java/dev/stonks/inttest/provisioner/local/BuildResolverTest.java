package dev.stonks.inttest.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.provisioner.target.StonksTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildResolverTest {
    @TempDir
    Path home;

    @Test
    void latestIsTheWorkingTreeBuildAndATagIsADirectoryOfTheBuildsDir() throws Exception {
        // Given
        Path latest = touch(home.resolve("stonks/target/quarkus-app/quarkus-run.jar"));
        Path tagged = touch(home.resolve("builds/abc123/quarkus-app/quarkus-run.jar"));
        BuildResolver resolver = new BuildResolver(home, home.resolve("builds"), new StonksTarget());

        // Then
        assertThat(resolver.resolve("latest")).isEqualTo(latest);
        assertThat(resolver.resolve("abc123")).isEqualTo(tagged);
    }

    @Test
    void aTagWithoutABuildFailsLikeAnImagePull() {
        BuildResolver resolver = new BuildResolver(home, home.resolve("builds"), new StonksTarget());

        assertThatThrownBy(() -> resolver.resolve("deadbeef"))
                .isInstanceOfSatisfying(StageFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo("image_not_found");
                    assertThat(e.getMessage()).isEqualTo("no build for image tag 'deadbeef': looked in "
                            + home.resolve("builds/deadbeef/quarkus-app/quarkus-run.jar"));
                });
        assertThatThrownBy(() -> resolver.resolve("latest"))
                .isInstanceOfSatisfying(StageFailedException.class, e -> assertThat(e.getMessage())
                        .contains("'latest'", home.resolve("stonks/target/quarkus-app/quarkus-run.jar").toString()));
    }

    @Test
    void aDirectoryIsNoBuild() throws Exception {
        Files.createDirectories(home.resolve("builds/v1/quarkus-app/quarkus-run.jar"));
        BuildResolver resolver = new BuildResolver(home, home.resolve("builds"), new StonksTarget());
        assertThatThrownBy(() -> resolver.resolve("v1")).isInstanceOf(StageFailedException.class);
    }

    private static Path touch(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "jar");
    }
}
