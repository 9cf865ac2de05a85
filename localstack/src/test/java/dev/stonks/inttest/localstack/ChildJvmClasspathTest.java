package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmClasspathTest {

    @TempDir
    Path tmp;

    @Test
    void missingJarsTellHowToGetThem() {
        assertThatThrownBy(() -> ChildJvmClasspath.jars(tmp.resolve("kafka"), "kafka"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./mvnw -pl localstack package");
    }

    @Test
    void listsOnlyJarsSorted() throws IOException {
        Files.createFile(tmp.resolve("b.jar"));
        Files.createFile(tmp.resolve("a.jar"));
        Files.createFile(tmp.resolve("notes.txt"));
        assertThat(ChildJvmClasspath.jars(tmp, "x")).containsExactly(tmp.resolve("a.jar"), tmp.resolve("b.jar"));
    }
}
