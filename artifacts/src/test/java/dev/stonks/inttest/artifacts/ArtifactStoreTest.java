package dev.stonks.inttest.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactStoreTest {

    @Test
    void keyIsRunsRunIdName() {
        assertThat(ArtifactStore.key("stonks-inttest-1705312800-ab12", "junit.xml"))
                .isEqualTo("runs/stonks-inttest-1705312800-ab12/junit.xml");
        assertThat(ArtifactStore.key("r1", "results.json")).isEqualTo("runs/r1/results.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"junit.xml", "results.json", "results.html", "a", "0", "trace_1-2.log"})
    void acceptsTheNamesOfTheContract(String name) {
        assertThat(ArtifactStore.requireName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Junit.xml", ".hidden", "-x", "_x", "a/b", "../junit.xml", "junit xml", "é.xml",
            "a\n"})
    void refusesOtherNames(String name) {
        assertThatThrownBy(() -> ArtifactStore.key("r1", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an artifact name");
    }

    @Test
    void refusesNamesLongerThanAHundredCharacters() {
        assertThat(ArtifactStore.requireName("a".repeat(100))).hasSize(100);
        assertThatThrownBy(() -> ArtifactStore.requireName("a".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArtifactStore.requireName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Run-1", "run/1", "-r", "r-", "../r"})
    void refusesRunIdsThatAreNotDnsLabels(String runId) {
        assertThatThrownBy(() -> ArtifactStore.key(runId, "junit.xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id");
    }

    @Test
    void refusesABadConfigurationBeforeAnyRequest() {
        assertThatThrownBy(() -> ArtifactStore.create("not a url", "a", "s", "inttest-artifacts", "us-east-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not a url'");
        assertThatThrownBy(() -> ArtifactStore.create("http://127.0.0.1:9", "a", "s", "Bad_Bucket", "us-east-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Bad_Bucket' is not a bucket name");
        assertThatThrownBy(() -> ArtifactStore.create("http://127.0.0.1:9", "a", " ", "inttest-artifacts", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ARTIFACTS_SECRET_KEY");
    }

    @Test
    void contentTypesAreSentWithTheirCharsetInUpperCase() {
        assertThat(ArtifactStore.contentType("text/html; charset=utf-8")).isEqualTo("text/html; charset=UTF-8");
        assertThat(ArtifactStore.contentType("application/json;Charset=\"utf-8\"; q=1"))
                .isEqualTo("application/json;Charset=\"UTF-8\"; q=1");
        assertThat(ArtifactStore.contentType("application/xml")).isEqualTo("application/xml");
        assertThat(ArtifactStore.contentType(null)).isEqualTo("application/octet-stream");
        assertThat(ArtifactStore.contentType(" ")).isEqualTo("application/octet-stream");
    }

    @Test
    void aStoreSaysWhereItIs() {
        try (ArtifactStore store = ArtifactStore.create("http://127.0.0.1:9", "a", "s", "inttest-artifacts", null)) {
            assertThat(store.endpoint()).isEqualTo("http://127.0.0.1:9");
            assertThat(store.bucket()).isEqualTo("inttest-artifacts");
            assertThat(store).hasToString("ArtifactStore[http://127.0.0.1:9, bucket inttest-artifacts]");
        }
    }
}
