package dev.stonks.inttest.provisioner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.localstack.InttestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Strimzi objects of k8s/ parse into Strimzi's own typed model ({@code io.strimzi:api} 1.2.0) with unknown fields
 * rejected. That model is compiled for Java 21 (class files of version 65), so its classes are loaded by name and
 * this test runs on a JDK 21+: the provisioner's pom runs it in its own surefire execution on such a JDK when one is
 * installed (profile {@code strimzi-model-jdk}); on the project's Java 17 it is skipped with that reason.
 */
class StrimziModelTest {
    private static final Path K8S = InttestHome.resolve().resolve("k8s");
    private static final Map<String, String> TYPES = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic");

    @BeforeAll
    static void needsJava21() {
        assumeTrue(Runtime.version().feature() >= 21, "io.strimzi:api 1.2.0 is compiled for Java 21; this JVM is "
                + Runtime.version() + " (the provisioner's pom runs this test on a JDK 21+ when one is installed)");
    }

    @Test
    void everyStrimziObjectOfK8sParsesIntoStrimzisModel() throws IOException {
        int parsed = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.list(K8S)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            for (ObjectNode doc : ManifestTemplate.read(file).render(Map.of())) {
                if (doc.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                    // Given / When
                    Object typed = StrictModel.parse(doc, type(doc.path("kind").asText()), file.getFileName()
                            .toString());
                    // Then
                    assertThat(typed.getClass().getSimpleName()).isEqualTo(doc.path("kind").asText());
                    parsed++;
                }
            }
        }
        assertThat(parsed).as("Kafka, KafkaNodePool and five KafkaTopics").isEqualTo(7);
    }

    @Test
    void aMisspeltFieldIsRejectedByStrimzisModel() {
        ObjectNode topic = ManifestTemplate.parse("topic", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: inttest}}
                spec: {partitions: 3, replica: 3}
                """).render(Map.of()).get(0);

        assertThatThrownBy(() -> StrictModel.parse(topic, type("KafkaTopic"), "topic"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("\"replica\"");
    }

    private static Class<?> type(String kind) {
        try {
            return Class.forName(TYPES.get(kind));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no Strimzi class for " + kind, e);
        }
    }
}
