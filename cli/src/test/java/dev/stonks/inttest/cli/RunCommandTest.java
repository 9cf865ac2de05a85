package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    @Test
    void thePageSitsBesideTheResultsFile() {
        assertThat(RunCommand.pageFor(Path.of("/tmp/r.json"))).isEqualTo(Path.of("/tmp/r.html"));
        assertThat(RunCommand.pageFor(Path.of("inttest-results.json"))).isEqualTo(Path.of("inttest-results.html"));
        assertThat(RunCommand.pageFor(Path.of("out/results"))).isEqualTo(Path.of("out/results.html"));
    }
}
