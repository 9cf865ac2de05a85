package dev.stonks.inttest.reporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.localstack.FreePorts;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A store that is not there never holds a verdict back: the results name the failure instead of listing. */
class ResultsArtifactsTest {

    @Test
    void anUnreachableStoreIsNamedInTheResultsAndNothingIsThrown() {
        // Given a store on a port where nothing listens
        int port = FreePorts.pick();
        try (ArtifactStore store = ArtifactStore.create("http://127.0.0.1:" + port, "key", "secret-key",
                "inttest-artifacts", null)) {
            ResultsArtifacts artifacts = new ResultsArtifacts(store, Optional.empty(), Duration.ofSeconds(10));
            ObjectNode results = Json.MAPPER.createObjectNode().put("run_id", "stonks-inttest-a1").put("exit_code", 0);

            // When
            long t0 = System.nanoTime();
            artifacts.attach("stonks-inttest-a1", results);

            // Then
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10.5);
            assertThat(results.has("artifacts")).isFalse();
            assertThat(results.get("artifacts_error").asText()).isNotBlank();
            assertThat(results.get("exit_code").asInt()).isZero();
        }
    }

    @Test
    void linksArePathsOrUnderThePublicUrl() {
        try (ArtifactStore store = ArtifactStore.create("http://127.0.0.1:1", "key", "secret-key",
                "inttest-artifacts", null)) {
            assertThat(new ResultsArtifacts(store, Optional.empty(), Duration.ofSeconds(1))
                    .url("stonks-inttest-a1", "junit.xml")).isEqualTo("/api/runs/stonks-inttest-a1/artifacts/junit.xml");
            assertThat(new ResultsArtifacts(store, Optional.of("http://reporter:8080/"), Duration.ofSeconds(1))
                    .url("stonks-inttest-a1", "results.html"))
                    .isEqualTo("http://reporter:8080/api/runs/stonks-inttest-a1/artifacts/results.html");
        }
    }
}
