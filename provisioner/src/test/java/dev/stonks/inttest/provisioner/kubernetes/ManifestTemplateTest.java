package dev.stonks.inttest.provisioner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTemplateTest {
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              namespace: ${NAMESPACE}
            data:
              url: http://minio.${NAMESPACE}.svc:9000
            """;

    @Test
    void placeholdersAreReplacedInValuesOfTheParsedTree() {
        // When
        List<ObjectNode> docs = ManifestTemplate.parse("c.yaml", CONFIG_MAP).render(Map.of(Placeholder.NAMESPACE,
                "stonks-inttest-1"));

        // Then
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).path("metadata").path("namespace").asText()).isEqualTo("stonks-inttest-1");
        assertThat(docs.get(0).path("data").path("url").asText()).isEqualTo("http://minio.stonks-inttest-1.svc:9000");
    }

    @Test
    void aValueThatFailsValidationIsRefusedSoNothingCanBeInjected() {
        ManifestTemplate template = ManifestTemplate.parse("c.yaml", CONFIG_MAP);

        assertThatThrownBy(() -> template.render(Map.of(Placeholder.NAMESPACE, "stonks-inttest-1\nkind: Secret")))
                .isInstanceOf(ManifestException.class).hasMessageContaining("refusing ${NAMESPACE}");
        assertThatThrownBy(() -> template.render(Map.of(Placeholder.NAMESPACE, "kube-system")))
                .isInstanceOf(ManifestException.class).hasMessageContaining("must start with 'stonks-inttest-'");
    }

    @Test
    void unknownOrMissingPlaceholdersAndPlaceholdersInKeysFail() {
        assertThatThrownBy(() -> ManifestTemplate.parse("x.yaml", "a: ${HOME}\n").render(Map.of()))
                .hasMessageContaining("unknown placeholder ${HOME}");
        assertThatThrownBy(() -> ManifestTemplate.parse("x.yaml", "a: ${IMAGE_TAG}\n").render(Map.of(
                Placeholder.NAMESPACE, "stonks-inttest-1"))).hasMessageContaining("no value given for ${IMAGE_TAG}");
        assertThatThrownBy(() -> ManifestTemplate.parse("x.yaml", "${NAMESPACE}: a\n").render(Map.of(
                Placeholder.NAMESPACE, "stonks-inttest-1"))).hasMessageContaining("values only");
    }

    @Test
    void strictParsingRejectsAnUnknownFieldWithItsPath() {
        ObjectNode deployment = ManifestTemplate.parse("d.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          readinesProbe: {}
                """).render(Map.of()).get(0);

        assertThatThrownBy(() -> StrictModel.parse(deployment, "d.yaml")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("spec.template.spec.containers[0].readinesProbe")
                .hasMessageContaining("Unrecognized field \"readinesProbe\"");
    }
}
