package dev.stonks.inttest.sandboxaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seeder's access to a kubernetes sandbox, against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesSandboxAccessIT {
    private static final String NS = "stonks-inttest-seed-k8s";

    static KubernetesClient client;

    private final KubernetesSandboxAccess access = new KubernetesSandboxAccess(() -> client);

    @Test
    void readsTheSandboxSecretAndUsesTheClusterDnsEndpointsOfTheContext() {
        // Given
        client.resource(new SecretBuilder().withNewMetadata().withName(KubernetesSandboxAccess.SECRET)
                .withNamespace(NS).endMetadata().withStringData(Map.of("postgres-username", "stonks",
                        "postgres-password", "pw123", "postgres-database", "stonks", "s3-access-key", "AK",
                        "s3-secret-key", "SK", "s3-bucket", "stonks-documents", "redis-password", "r"))
                .build()).create();
        RunContext context = new RunContext("latest", NS, false, 1, "kubernetes", Map.of(
                "postgres", "postgresql://postgres." + NS + ".svc.cluster.local:5432/stonks",
                "s3", "http://minio." + NS + ".svc.cluster.local:9000"), Map.of());

        // When
        SandboxAccess sandbox = access.resolve(context);

        // Then
        assertThat(sandbox.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres." + NS + ".svc.cluster.local:5432/stonks");
        assertThat(sandbox.user()).isEqualTo("stonks");
        assertThat(sandbox.password()).isEqualTo("pw123");
        assertThat(sandbox.s3Endpoint()).isEqualTo("http://minio." + NS + ".svc.cluster.local:9000");
        assertThat(sandbox.s3AccessKey()).isEqualTo("AK");
        assertThat(sandbox.toString()).doesNotContain("pw123");
    }

    @Test
    void aSandboxWithoutItsSecretIsUnavailable() {
        RunContext context = new RunContext("latest", "stonks-inttest-none", false, 1, "kubernetes", Map.of(
                "postgres", "postgresql://x:5432/stonks", "s3", "http://y:9000"), Map.of());

        assertThatThrownBy(() -> access.resolve(context)).isInstanceOfSatisfying(StageFailedException.class,
                e -> assertThat(e.kind()).isEqualTo("sandbox_unavailable"));
    }

    @Test
    void theKeysAreTheOnesTheSandboxManifestsReference() throws Exception {
        String services = Files.readString(Path.of(System.getenv().getOrDefault("INTTEST_HOME", "..")).resolve(
                "infra/inttest/services.yaml"));
        for (String key : List.of(KubernetesSandboxAccess.POSTGRES_USERNAME, KubernetesSandboxAccess
                .POSTGRES_PASSWORD, KubernetesSandboxAccess.S3_ACCESS_KEY, KubernetesSandboxAccess.S3_SECRET_KEY)) {
            assertThat(services).contains("name: " + KubernetesSandboxAccess.SECRET).contains("key: " + key);
        }
    }
}
