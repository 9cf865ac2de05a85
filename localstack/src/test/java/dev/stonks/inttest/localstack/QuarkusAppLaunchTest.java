package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarkusAppLaunchTest {
    @TempDir
    Path dir;

    @Test
    void withAnArchiveTheJvmRunsInTheJarsDirectoryOnTheClassPathTheArchiveRecorded() throws IOException {
        Path app = Files.createDirectories(dir.resolve("svc/target/quarkus-app"));
        Path jar = Files.createFile(app.resolve("quarkus-run.jar"));
        Files.createFile(app.resolve(QuarkusAppLaunch.APP_CDS_ARCHIVE));

        QuarkusAppLaunch launch = QuarkusAppLaunch.of(List.of("-Xmx64m"), jar, dir.resolve("elsewhere"));

        assertThat(launch.workingDirectory()).isEqualTo(app.toAbsolutePath());
        assertThat(launch.command()).endsWith("-Xmx64m", "-XX:SharedArchiveFile=app-cds.jsa", "-jar",
                "quarkus-run.jar");
        assertThat(launch.command().get(0)).endsWith("/bin/java");
    }

    @Test
    void withoutAnArchiveItRunsWhereItIsToldOnTheAbsoluteJar() throws IOException {
        Path app = Files.createDirectories(dir.resolve("svc/target/quarkus-app"));
        Path jar = Files.createFile(app.resolve("quarkus-run.jar"));
        Path elsewhere = dir.resolve("elsewhere");

        QuarkusAppLaunch launch = QuarkusAppLaunch.of(List.of("-Xmx64m"), jar, elsewhere);

        assertThat(launch.workingDirectory()).isEqualTo(elsewhere);
        assertThat(launch.command()).endsWith("-Xmx64m", "-jar", jar.toAbsolutePath().toString());
        assertThat(launch.command()).noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile"));
    }
}
